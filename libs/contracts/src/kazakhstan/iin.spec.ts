import { checkIin, computeIinCheckDigit, iinBirthDate, IsKazakhIin } from './iin';
import { validatePayload } from '../validation';

/** Builds a valid IIN from its parts, or undefined when no check digit exists for that prefix. */
function makeIin(birth: string, centuryAndSex: number, serial: string): string | undefined {
  const first11 = `${birth}${centuryAndSex}${serial}`;
  const check = computeIinCheckDigit(first11);
  return check === undefined ? undefined : `${first11}${check}`;
}

function mustMakeIin(birth: string, centuryAndSex: number, serial: string): string {
  const iin = makeIin(birth, centuryAndSex, serial);
  if (iin === undefined) throw new Error(`no valid IIN starts with ${birth}${centuryAndSex}${serial}`);
  return iin;
}

/** Changes the last digit to a wrong one. */
function withWrongCheckDigit(iin: string): string {
  const last = Number(iin.charAt(11));
  return `${iin.slice(0, 11)}${(last + 1) % 10}`;
}

const NOW = new Date('2025-06-01T00:00:00Z');

describe('computeIinCheckDigit', () => {
  it('uses weights 1..11 mod 11 in the first round', () => {
    // 9,0,0,1,0,1,3,0,0,0,1 · 1..11 = 9+0+0+4+0+6+21+0+0+0+11 = 51; 51 mod 11 = 7
    expect(computeIinCheckDigit('90010130001')).toBe(7);
  });

  it('falls back to weights 3..11,1,2 when the first round gives 10', () => {
    // 0·1 + … + 1·10 (10th digit) = 10 → second round: 1·1 (10th weight of round two) = 1
    expect(computeIinCheckDigit('00000000010')).toBe(1);
  });

  it('gives undefined when both rounds give 10', () => {
    // Search the space for a prefix where both rounds give 10 and prove the generator rejects it.
    let found: string | undefined;
    for (let serial = 0; serial < 10000 && found === undefined; serial++) {
      const first11 = `900101${3}${String(serial).padStart(4, '0')}`;
      if (computeIinCheckDigit(first11) === undefined) found = first11;
    }
    expect(found).toBeDefined();
    for (let digit = 0; digit <= 9; digit++) {
      expect(checkIin(`${found}${digit}`, NOW)).toMatchObject({ valid: false, code: 'check-digit' });
    }
  });

  it('rejects input that is not 11 digits', () => {
    expect(() => computeIinCheckDigit('123')).toThrow();
  });
});

describe('checkIin', () => {
  const validIins = [
    mustMakeIin('900101', 3, '0001'), // man born 1 Jan 1990
    mustMakeIin('851231', 4, '1234'), // woman born 31 Dec 1985
    mustMakeIin('000229', 5, '0042'), // boy born 29 Feb 2000 (a leap year)
    mustMakeIin('991015', 1, '0007'), // man born 1899
    mustMakeIin('030615', 6, '5555'), // girl born 2003
  ];

  it.each(validIins)('accepts %s', (iin) => {
    expect(checkIin(iin, NOW)).toEqual({ valid: true });
  });

  it('accepts thousands of generated IINs', () => {
    let checked = 0;
    for (let serial = 0; serial < 3000; serial++) {
      const iin = makeIin('920317', 3 + (serial % 2), String(serial).padStart(4, '0'));
      if (iin === undefined) continue;
      expect(checkIin(iin, NOW)).toEqual({ valid: true });
      checked++;
    }
    expect(checked).toBeGreaterThan(2500);
  });

  it.each(validIins)('rejects %s with a wrong check digit', (iin) => {
    expect(checkIin(withWrongCheckDigit(iin), NOW)).toEqual({
      valid: false,
      code: 'check-digit',
      reason: 'iin check digit is wrong',
    });
  });

  it.each(['', '12345678901', '1234567890123', '90010130001a', ' 900101300017', '９００１０１３０００１７'])(
    'rejects %p as not 12 digits',
    (iin) => {
      expect(checkIin(iin, NOW)).toEqual({ valid: false, code: 'format', reason: 'iin must be 12 digits' });
    },
  );

  it.each([0, 7, 8, 9])('rejects century-and-sex digit %d', (digit) => {
    expect(checkIin(`900101${digit}00017`, NOW)).toMatchObject({ valid: false, code: 'century' });
  });

  it.each([
    ['010229', 5, 'no 29 February in 2001'],
    ['000229', 1, 'no 29 February in 1800'],
    ['901301', 3, 'no 13th month'],
    ['900431', 3, 'no 31 April'],
    ['900100', 3, 'no day 0'],
  ])('rejects birth date %s (7th digit %d): %s', (birth, century) => {
    // The check digit is made right, so only the date can be at fault.
    const iin = mustMakeIin(birth, century, '0001');
    expect(checkIin(iin, NOW)).toEqual({
      valid: false,
      code: 'birth-date',
      reason: 'iin birth date is not a real date',
    });
  });

  it('rejects a birth date in the future', () => {
    const iin = mustMakeIin('300101', 5, '0001'); // 1 Jan 2030
    expect(checkIin(iin, NOW)).toMatchObject({ valid: false, code: 'future-birth-date' });
  });

  it('reads the birth date with its century', () => {
    expect(iinBirthDate(mustMakeIin('000229', 5, '0042'))?.toISOString()).toBe('2000-02-29T00:00:00.000Z');
    expect(iinBirthDate(mustMakeIin('991015', 1, '0007'))?.toISOString()).toBe('1899-10-15T00:00:00.000Z');
  });
});

describe('@IsKazakhIin', () => {
  class Person {
    @IsKazakhIin()
    iin!: string;
  }

  it('passes a valid IIN', () => {
    expect(validatePayload(Person, { iin: mustMakeIin('900101', 3, '0001') })).toMatchObject({ ok: true });
  });

  it.each([
    ['12345', 'iin must be 12 digits', 'iinFormat'],
    [withWrongCheckDigit(mustMakeIin('900101', 3, '0001')), 'iin check digit is wrong', 'iinCheckDigit'],
    [mustMakeIin('900230', 3, '0001'), 'iin birth date is not a real date', 'iinBirthDate'],
    [mustMakeIin('900101', 0, '0001'), 'iin century-and-sex digit (7th) must be 1-6', 'iinCentury'],
    [123456789012, 'iin must be a string of 12 digits', 'iinFormat'],
  ])('rejects %p with "%s" (%s)', (iin, reason, code) => {
    expect(validatePayload(Person, { iin })).toEqual({ ok: false, errors: [{ field: 'iin', reason, code }] });
  });
});
