import type { SubmittedAppealData } from '@app/contracts';
import { randomBytes, randomInt } from 'node:crypto';
import { submittedAppeal, validIin } from './appeal-fixtures';

const LETTERS = 'абвгғдежзийкқлмнңоөпрстуұүфхһцчшыіэюя';

export type PersonalDataField = 'fullName' | 'iin' | 'email' | 'phone' | 'text';

/** One kind of personal data found in one service's output. */
export interface PersonalDataLeak {
  service: string;
  field: PersonalDataField;
  /** Of how many appeals. */
  appeals: number;
  /** Where the first one was, all personal data masked: the report of a leak must not be a second one. */
  example: string;
}

const EXAMPLE_CONTEXT = 80;

/** A made-up Kazakh-looking word that no log line contains by chance. */
function distinctiveWord(): string {
  const word = Array.from({ length: 9 }, () => LETTERS[randomInt(LETTERS.length)]).join('');
  return `${word[0].toUpperCase()}${word.slice(1)}`;
}

function digits(count: number): string {
  return String(randomInt(10 ** count)).padStart(count, '0');
}

/** A two-digit number from `low` to `high`, both included. */
function twoDigits(low: number, high: number): string {
  return String(randomInt(low, high + 1)).padStart(2, '0');
}

/**
 * An appeal whose citizen's name, IIN, e-mail, phone and text are new on every call, so that any of them
 * found in a service's output is a leak and never a coincidence.
 */
export function appealWithDistinctivePersonalData(
  overrides: Partial<SubmittedAppealData> = {},
): SubmittedAppealData {
  const birthDate = `${twoDigits(50, 99)}${twoDigits(1, 12)}${twoDigits(1, 28)}`;
  return submittedAppeal({
    text: `Өтініш ${distinctiveWord()}: ${distinctiveWord()} көшесіндегі жолды жөндеу қажет.`,
    citizen: {
      fullName: `${distinctiveWord()} ${distinctiveWord()}ұлы`,
      iin: validIin(digits(4), birthDate),
      email: `citizen-${randomBytes(6).toString('hex')}@example.kz`,
      phone: `+7701${digits(7)}`,
      preferredChannel: 'email',
    },
    ...overrides,
  });
}

/**
 * The citizens' names, IINs, e-mails, phones and texts of `appeals` found in the services' output, as
 * written or escaped as JSON \uXXXX. Empty when nothing leaked.
 */
export function personalDataLeaks(
  output: ReadonlyMap<string, readonly string[]>,
  appeals: readonly SubmittedAppealData[],
): PersonalDataLeak[] {
  const valuesByAppeal = appeals.map((appeal) => personalDataOf(appeal));
  const leaks = new Map<string, PersonalDataLeak>();
  for (const [service, lines] of output) {
    // One search per value over the whole output, not per line: hundreds of appeals meet thousands of lines.
    const text = lines.join('\n');
    for (const values of valuesByAppeal) {
      const found = new Set<PersonalDataField>(); // as written or escaped, one appeal's field counts once
      for (const { field, value } of values) {
        const at = found.has(field) ? -1 : text.indexOf(value);
        if (at < 0) continue;
        found.add(field);
        const leak = leaks.get(`${service} ${field}`);
        if (leak) leak.appeals += 1;
        else
          leaks.set(`${service} ${field}`, {
            service,
            field,
            appeals: 1,
            example: excerpt(text, at, field, valuesByAppeal.flat()),
          });
      }
    }
  }
  return [...leaks.values()];
}

/**
 * The line of the value at `at`, every appeal's personal data in it masked by the name of its field, cut
 * around the first mask of `field`. Masked before it is cut, so that no value shows half.
 */
function excerpt(
  text: string,
  at: number,
  field: PersonalDataField,
  values: Array<{ field: PersonalDataField; value: string }>,
): string {
  const lineEnd = text.indexOf('\n', at);
  let line = text.slice(text.lastIndexOf('\n', at) + 1, lineEnd < 0 ? text.length : lineEnd);
  for (const { field: name, value } of values) {
    if (line.includes(value)) line = line.replaceAll(value, `‹${name}›`);
  }
  const mask = line.indexOf(`‹${field}›`);
  return line.slice(Math.max(0, mask - EXAMPLE_CONTEXT), mask + field.length + 2 + EXAMPLE_CONTEXT);
}

function personalDataOf(appeal: SubmittedAppealData): Array<{ field: PersonalDataField; value: string }> {
  const { fullName, iin, email, phone } = appeal.citizen;
  const values: Array<[PersonalDataField, string | undefined]> = [
    ['fullName', fullName],
    ['iin', iin],
    ['email', email],
    ['phone', phone],
    ['text', appeal.text],
  ];
  return values.flatMap(([field, value]) => {
    if (!value) return [];
    const escaped = escapeNonAscii(value);
    return escaped === value
      ? [{ field, value }]
      : [
          { field, value },
          { field, value: escaped },
        ];
  });
}

function escapeNonAscii(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
