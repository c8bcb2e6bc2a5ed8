import { WorkingCalendar } from './working-calendar';

const calendar = WorkingCalendar.load({ warn: () => undefined });

function offDays(from: string, to: string): string[] {
  return calendar
    .nonWorkingDaysBetween(from, to)
    .filter((day) => day.reason.code !== 'saturday' && day.reason.code !== 'sunday')
    .map((day) => `${day.date} ${day.reason.code}`);
}

describe('WorkingCalendar with the shipped data', () => {
  it('has files for 2024 to 2027', () => {
    expect(calendar.yearsWithData()).toEqual(expect.arrayContaining([2024, 2025, 2026, 2027]));
  });

  it('2024: holidays, carry-overs, Kurban Ait on a Sunday that does not move, the May transfer', () => {
    expect(offDays('2024-01-01', '2024-12-31')).toEqual([
      '2024-01-01 holiday',
      '2024-01-02 holiday',
      '2024-01-07 holiday',
      '2024-03-08 holiday',
      '2024-03-21 holiday',
      '2024-03-22 holiday',
      '2024-03-23 holiday',
      '2024-03-25 carry-over',
      '2024-05-01 holiday',
      '2024-05-07 holiday',
      '2024-05-08 transfer-off',
      '2024-05-09 holiday',
      '2024-06-16 holiday',
      '2024-07-06 holiday',
      '2024-07-08 carry-over',
      '2024-08-30 holiday',
      '2024-10-25 holiday',
      '2024-12-16 holiday',
    ]);
    expect(calendar.describe('2024-01-07').reason?.code).toBe('holiday'); // a Sunday: no carry-over
    expect(calendar.isWorkingDay('2024-01-08')).toBe(true);
    expect(calendar.describe('2024-06-16').reason?.text.en).toBe('Kurban Ait');
    expect(calendar.isWorkingDay('2024-06-17')).toBe(true);
    expect(calendar.describe('2024-05-04')).toMatchObject({
      working: true,
      reason: { code: 'transfer-working' },
    });
    expect(calendar.describe('2024-05-08')).toMatchObject({
      working: false,
      reason: { code: 'transfer-off' },
    });
  });

  it('2025: the January transfer and the weekend holidays carried over', () => {
    expect(offDays('2025-01-01', '2025-12-31')).toEqual([
      '2025-01-01 holiday',
      '2025-01-02 holiday',
      '2025-01-03 transfer-off',
      '2025-01-07 holiday',
      '2025-03-08 holiday',
      '2025-03-10 carry-over',
      '2025-03-21 holiday',
      '2025-03-22 holiday',
      '2025-03-23 holiday',
      '2025-03-24 carry-over',
      '2025-03-25 carry-over',
      '2025-05-01 holiday',
      '2025-05-07 holiday',
      '2025-05-09 holiday',
      '2025-06-06 holiday',
      '2025-07-06 holiday',
      '2025-07-07 carry-over',
      '2025-08-30 holiday',
      '2025-09-01 carry-over',
      '2025-10-25 holiday',
      '2025-10-27 carry-over',
      '2025-12-16 holiday',
    ]);
    expect(calendar.describe('2025-01-05')).toMatchObject({
      working: true,
      reason: { code: 'transfer-working' },
    });
  });

  it('2026: Nauryz on a weekend moves both days after the whole run; no transfers', () => {
    expect(offDays('2026-01-01', '2026-12-31')).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 holiday',
      '2026-01-07 holiday',
      '2026-03-08 holiday',
      '2026-03-09 carry-over',
      '2026-03-21 holiday',
      '2026-03-22 holiday',
      '2026-03-23 holiday',
      '2026-03-24 carry-over',
      '2026-03-25 carry-over',
      '2026-05-01 holiday',
      '2026-05-07 holiday',
      '2026-05-09 holiday',
      '2026-05-11 carry-over',
      '2026-05-27 holiday',
      '2026-07-06 holiday',
      '2026-08-30 holiday',
      '2026-08-31 carry-over',
      '2026-10-25 holiday',
      '2026-10-26 carry-over',
      '2026-12-16 holiday',
    ]);
    expect(calendar.describe('2026-03-25').reason?.text).toEqual({
      kk: '22 наурыз, жексенбіден ауыстырылған демалыс күні (Наурыз мейрамы)',
      ru: 'Выходной день, перенесённый с воскресенья 22 марта (Наурыз мейрамы)',
      en: 'Day off carried over from Sunday 22 March (Nauryz meirami)',
    });
  });

  it('7 January on a Saturday does not move (2023, rules only)', () => {
    expect(calendar.describe('2023-01-07').reason?.code).toBe('holiday');
    expect(calendar.isWorkingDay('2023-01-09')).toBe(true);
  });

  it('an appeal registered on a working Sunday counts from that Sunday', () => {
    expect(calendar.isWorkingDay('2025-01-05')).toBe(true);
    expect(calendar.workingDayOnOrAfter('2025-01-05')).toBe('2025-01-05');
    expect(calendar.workingDayOnOrAfter('2025-01-01')).toBe('2025-01-05');
    expect(calendar.addWorkingDays('2025-01-05', 1)).toBe('2025-01-06');
    expect(calendar.addWorkingDays('2025-01-05', 2)).toBe('2025-01-08');
  });

  it('counts working days in (from, to], negative backwards', () => {
    expect(calendar.workingDaysBetween('2026-03-20', '2026-03-26')).toBe(1);
    expect(calendar.workingDaysBetween('2026-03-26', '2026-03-20')).toBe(-1);
    expect(calendar.workingDaysBetween('2025-02-22', '2025-02-21')).toBe(-1); // from a Saturday back to Friday
    expect(calendar.workingDaysBetween('2026-03-20', '2026-03-20')).toBe(0);
    expect(calendar.addWorkingDays('2026-03-20', 0)).toBe('2026-03-20');
    expect(calendar.addWorkingDays('2026-03-26', -1)).toBe('2026-03-20');
  });

  it('describes an ordinary weekday without a reason and a weekend with one', () => {
    expect(calendar.describe('2026-04-01')).toEqual({ date: '2026-04-01', working: true });
    expect(calendar.describe('2026-04-04').reason).toEqual({
      code: 'saturday',
      text: { kk: 'Сенбі', ru: 'Суббота', en: 'Saturday' },
    });
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-01', '20260101', '', 'x026-01-01', '2026-01-01T00:00'])(
    'rejects the malformed day %j',
    (day) => {
      expect(() => calendar.isWorkingDay(day)).toThrow(RangeError);
      expect(() => calendar.describe(day)).toThrow(RangeError);
    },
  );

  it('rejects years out of range and non-integer counts', () => {
    expect(() => calendar.isWorkingDay('1999-12-31')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2101-01-01')).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2100-12-31', 1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-05', 1.5)).toThrow(RangeError);
  });
});

describe('a year without a file', () => {
  it('follows the rules and warns once, naming the year and what is unknown', () => {
    const warn = jest.fn();
    const rulesOnly = WorkingCalendar.load({ warn });
    expect(rulesOnly.isWorkingDay('2028-03-21')).toBe(false);
    expect(rulesOnly.describe('2028-01-07').reason?.source).toContain('Labour Code art. 84');
    rulesOnly.addWorkingDays('2028-05-01', 40);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/2028.*Kurban Ait.*order/);
  });
});

describe('a year with unconfirmed entries', () => {
  it('warns once when the year is first used', () => {
    const warn = jest.fn();
    const flagged = WorkingCalendar.load({ warn });
    flagged.isWorkingDay('2027-05-16');
    flagged.isWorkingDay('2027-08-30');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/2027.*provisional/);
  });
});
