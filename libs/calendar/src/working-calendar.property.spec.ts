import fc from 'fast-check';
import { fromEpochDay, toEpochDay } from './calendar-day';
import { WorkingCalendar } from './working-calendar';

// 2023 and 2028 have no file: the rules alone are exercised too.
const calendar = WorkingCalendar.load({ warn: () => undefined });
const first = toEpochDay('2023-01-01');
const last = toEpochDay('2028-12-31');
const anyDay = fc.integer({ min: first + 120, max: last - 120 }).map(fromEpochDay);
const workingDay = anyDay.map((day) => calendar.workingDayOnOrAfter(day));
const count = fc.integer({ min: -60, max: 60 });

describe('WorkingCalendar properties, 2023–2028', () => {
  it('lands on a working day for n != 0', () => {
    fc.assert(
      fc.property(
        anyDay,
        count.filter((n) => n !== 0),
        (day, n) => {
          expect(calendar.isWorkingDay(calendar.addWorkingDays(day, n))).toBe(true);
        },
      ),
    );
  });

  it('counting n forward then n back returns to a working start', () => {
    fc.assert(
      fc.property(workingDay, count, (day, n) => {
        expect(calendar.addWorkingDays(calendar.addWorkingDays(day, n), -n)).toBe(day);
      }),
    );
  });

  it('from any start, n forward then n back gives the last working day on or before the start', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 60 }), (day, n) => {
        const back = calendar.addWorkingDays(calendar.addWorkingDays(day, n), -n);
        expect(back <= day).toBe(true);
        expect(calendar.isWorkingDay(back)).toBe(true);
        expect(calendar.workingDaysBetween(back, day)).toBe(0);
      }),
    );
  });

  it('more working days never give an earlier date', () => {
    fc.assert(
      fc.property(anyDay, count, count, (day, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(calendar.addWorkingDays(day, low) <= calendar.addWorkingDays(day, high)).toBe(true);
      }),
    );
  });

  it('workingDaysBetween inverts addWorkingDays', () => {
    fc.assert(
      fc.property(anyDay, count, (day, n) => {
        expect(calendar.workingDaysBetween(day, calendar.addWorkingDays(day, n))).toBe(n);
      }),
    );
    fc.assert(
      fc.property(anyDay, workingDay, (day, target) => {
        expect(calendar.addWorkingDays(day, calendar.workingDaysBetween(day, target))).toBe(target);
      }),
    );
  });

  it('lists as non-working exactly the days that are not working', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 40 }), (from, length) => {
        const to = fromEpochDay(toEpochDay(from) + length);
        const listed = new Set(calendar.nonWorkingDaysBetween(from, to).map((d) => d.date));
        for (let d = toEpochDay(from); d <= toEpochDay(to); d += 1) {
          expect(listed.has(fromEpochDay(d))).toBe(!calendar.isWorkingDay(fromEpochDay(d)));
        }
      }),
    );
  });
});
