import { DeadlineCalculator } from './deadline-calculator';
import { parsePolicy } from './deadline-policy';
import { WeekdayCalendar } from './working-calendar';

const calculator = new DeadlineCalculator(new WeekdayCalendar());
const legal = parsePolicy({
  dueWorkingDays: 15,
  dueDuration: null,
  warnWorkingDaysBefore: 3,
  warnDurationBefore: null,
});

describe('DeadlineCalculator', () => {
  it('gives 15 working days, counted from the next day, ending at midnight in Kazakhstan', () => {
    // Wednesday 2 December 2026, 10:00 in Astana (05:00 UTC).
    const { dueAt } = calculator.compute(new Date('2026-12-02T05:00:00Z'), legal);
    // Thu 3 ... three full weeks later: Wednesday 23 December, 23:59:59.999 UTC+5.
    expect(dueAt.toISOString()).toBe('2026-12-23T18:59:59.999Z');
  });

  it('skips the weekend when the appeal arrives on a Friday evening', () => {
    // Friday 4 December 2026, 22:30 in Astana is 17:30 UTC the same day.
    const { dueAt } = calculator.compute(new Date('2026-12-04T17:30:00Z'), legal);
    expect(dueAt.toISOString()).toBe('2026-12-25T18:59:59.999Z');
  });

  it('uses the local date, not the UTC one, around midnight', () => {
    // 20:00 UTC on Sunday is 01:00 on Monday in Kazakhstan: Monday is the start day.
    const sunday = calculator.compute(new Date('2026-12-06T20:00:00Z'), legal);
    expect(sunday.dueAt.toISOString()).toBe('2026-12-28T18:59:59.999Z');
  });

  it('warns at the end of the working day three working days before the deadline', () => {
    const { warnAt } = calculator.compute(new Date('2026-12-02T05:00:00Z'), legal);
    expect(warnAt.toISOString()).toBe('2026-12-18T18:59:59.999Z');
  });

  it('accepts plain ISO-8601 durations for drills', () => {
    const drill = parsePolicy({
      dueWorkingDays: null,
      dueDuration: 'PT5S',
      warnWorkingDaysBefore: null,
      warnDurationBefore: 'PT2S',
    });
    const { dueAt, warnAt } = calculator.compute(new Date('2026-12-02T05:00:00Z'), drill);
    expect(dueAt.toISOString()).toBe('2026-12-02T05:00:05.000Z');
    expect(warnAt.toISOString()).toBe('2026-12-02T05:00:03.000Z');
  });

  it('rejects a policy that is not a duration', () => {
    expect(() =>
      parsePolicy({
        dueWorkingDays: null,
        dueDuration: 'five seconds',
        warnWorkingDaysBefore: 1,
        warnDurationBefore: null,
      }),
    ).toThrow('not an ISO-8601 duration');
  });
});
