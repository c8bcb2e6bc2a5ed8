import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { IsCalendarDay, IsTimestamp, TIMESTAMP_YEARS } from './decorators';

class Stamped {
  @IsTimestamp()
  at!: unknown;
}

class Dated {
  @IsCalendarDay()
  on!: unknown;
}

const acceptsTimestamp = (at: string): boolean =>
  validateSync(Object.assign(new Stamped(), { at })).length === 0;
const acceptsDay = (on: string): boolean => validateSync(Object.assign(new Dated(), { on })).length === 0;

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Date-times shaped like RFC 3339, with fields that run past the calendar's ranges (31 April, hour 24...). */
const dateTimeLike = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.integer({ min: 0, max: 60 }),
    offset: fc.constantFrom('Z', '+05:00', '-03:30', '+00:00'),
    separator: fc.constantFrom('T', 't', ' '),
  })
  .map(
    (t) =>
      `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}${t.separator}${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}${t.offset}`,
  );

describe('IsTimestamp and IsCalendarDay', () => {
  it('accept exactly the date-times that exist on the calendar in the years PostgreSQL and appeals allow', () => {
    fc.assert(
      fc.property(dateTimeLike, (at) => {
        const moment = DateTime.fromISO(at, { setZone: true });
        const expected =
          moment.isValid && moment.year >= TIMESTAMP_YEARS.min && moment.year <= TIMESTAMP_YEARS.max;
        expect(acceptsTimestamp(at)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses 30 February, a leap second and a year before 1970, and takes an ordinary moment', () => {
    expect(acceptsTimestamp('2025-02-30T10:00:00+05:00')).toBe(false);
    expect(acceptsTimestamp('2016-12-31T23:59:60Z')).toBe(false);
    expect(acceptsTimestamp('1969-12-31T23:00:00Z')).toBe(false);
    expect(acceptsTimestamp('2024-02-29T09:30:00.123+05:00')).toBe(true);
  });

  it('takes a day that exists and refuses one that does not', () => {
    expect(acceptsDay('2024-02-29')).toBe(true);
    expect(acceptsDay('2025-02-29')).toBe(false);
    expect(acceptsDay('2025-04-31')).toBe(false);
    expect(acceptsDay('2025-13-01')).toBe(false);
    expect(acceptsDay('0050-01-01')).toBe(true);
  });
});
