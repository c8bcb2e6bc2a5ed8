import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import type { ConstraintContext } from '../field-error';

/**
 * Kazakhstan's individual identification number (ИИН / ЖСН), 12 digits:
 *
 *   YYMMDD C NNNN K
 *   - YYMMDD: birth date;
 *   - C (7th): century and sex: 1/2 born in the 1800s, 3/4 in the 1900s, 5/6 in the 2000s; odd = male,
 *     even = female;
 *   - NNNN (8th-11th): serial number given by the registry;
 *   - K (12th): check digit.
 *
 * Check digit: sum of the first 11 digits weighted 1..11, mod 11. If that is 10, a second round with
 * weights 3,4,5,6,7,8,9,10,11,1,2, mod 11. If it is still 10 the registry never issues the number,
 * so such an IIN is invalid.
 *
 * Decision on a 7th digit of 0 (some sources say it marks foreigners): rejected. Without a century the
 * birth date cannot be checked, the law on identification numbers defines 1-6 only, and an IIN is
 * optional in an appeal, so a person without a conforming one can still write by leaving it out.
 */

export type IinDefect = 'format' | 'century' | 'birth-date' | 'future-birth-date' | 'check-digit';

export type IinCheck = { valid: true } | { valid: false; code: IinDefect; reason: string };

/** Phrases without the subject, so that the decorator can name the actual property. */
const DEFECT_PHRASES: Record<IinDefect, string> = {
  format: 'must be 12 digits',
  century: 'century-and-sex digit (7th) must be 1-6',
  'birth-date': 'birth date is not a real date',
  'future-birth-date': 'birth date is in the future',
  'check-digit': 'check digit is wrong',
};

const FIRST_ROUND_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_ROUND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;
const NO_VALID_CHECK_DIGIT = 10;

/** First year of the birth century, by the 7th digit. */
const CENTURY_BY_DIGIT: Readonly<Record<string, number>> = {
  '1': 1800,
  '2': 1800,
  '3': 1900,
  '4': 1900,
  '5': 2000,
  '6': 2000,
};

/** `now` is a parameter so that tests (and replays of old events) do not depend on today's date. */
export function checkIin(iin: string, now: Date = new Date()): IinCheck {
  const defect = findIinDefect(iin, now);
  return defect === undefined
    ? { valid: true }
    : { valid: false, code: defect, reason: `iin ${DEFECT_PHRASES[defect]}` };
}

/**
 * The check digit for the first 11 digits, or undefined when both rounds give 10 (no valid IIN can
 * start with these digits). Exported for test data generators.
 */
export function computeIinCheckDigit(first11Digits: string): number | undefined {
  if (!/^\d{11}$/.test(first11Digits)) {
    throw new Error('computeIinCheckDigit expects exactly 11 digits');
  }
  const digits = [...first11Digits].map(Number);
  const weightedSum = (weights: readonly number[]): number =>
    digits.reduce((sum, digit, index) => sum + digit * (weights[index] ?? 0), 0) % 11;
  const firstRound = weightedSum(FIRST_ROUND_WEIGHTS);
  if (firstRound !== NO_VALID_CHECK_DIGIT) return firstRound;
  const secondRound = weightedSum(SECOND_ROUND_WEIGHTS);
  return secondRound === NO_VALID_CHECK_DIGIT ? undefined : secondRound;
}

/** The birth date encoded in a structurally valid IIN (UTC midnight), or undefined. */
export function iinBirthDate(iin: string): Date | undefined {
  if (!/^\d{12}$/.test(iin)) return undefined;
  const centuryStart = CENTURY_BY_DIGIT[iin.charAt(6)];
  if (centuryStart === undefined) return undefined;
  const year = centuryStart + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 April over to 1 May; a real date survives the round trip unchanged.
  const isRealDate =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return isRealDate ? date : undefined;
}

function findIinDefect(iin: string, now: Date): IinDefect | undefined {
  if (!/^\d{12}$/.test(iin)) return 'format';
  if (CENTURY_BY_DIGIT[iin.charAt(6)] === undefined) return 'century';
  const birthDate = iinBirthDate(iin);
  if (birthDate === undefined) return 'birth-date';
  if (birthDate.getTime() > now.getTime()) return 'future-birth-date';
  if (computeIinCheckDigit(iin.slice(0, 11)) !== Number(iin.charAt(11))) return 'check-digit';
  return undefined;
}

/** The field error code of each defect: `@IsKazakhIin` is one constraint, but a client acts on which. */
export const IIN_DEFECT_CODES: Readonly<Record<IinDefect, string>> = {
  format: 'iinFormat',
  century: 'iinCentury',
  'birth-date': 'iinBirthDate',
  'future-birth-date': 'iinFutureBirthDate',
  'check-digit': 'iinCheckDigit',
};

/** The code of a value that {@link IsKazakhIin} refused (anything but a string has the wrong format). */
export function iinDefectCode(value: unknown): ConstraintContext {
  const check = typeof value === 'string' ? checkIin(value) : undefined;
  return { code: IIN_DEFECT_CODES[check === undefined || check.valid ? 'format' : check.code] };
}

/** class-validator rule: a string that passes {@link checkIin}; the message names the exact defect. */
export function IsKazakhIin(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isKazakhIin',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate(value: unknown): boolean {
          return typeof value === 'string' && checkIin(value).valid;
        },
        defaultMessage(args: ValidationArguments): string {
          const value: unknown = args.value;
          if (typeof value !== 'string') return `${args.property} must be a string of 12 digits`;
          const check = checkIin(value);
          return check.valid
            ? `${args.property} is not a valid IIN`
            : `${args.property} ${DEFECT_PHRASES[check.code]}`;
        },
      },
    });
  };
}
