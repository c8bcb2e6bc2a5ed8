import { endOfKazakhstanDay, kazakhstanDay, WorkingCalendar } from '@app/calendar';
import fc from 'fast-check';
import { Duration } from 'luxon';
import { parsePolicy } from '../policies/deadline-policy';
import { DeadlineCalculator } from './deadline-calculator';

const calendar = WorkingCalendar.load({ warn: () => undefined });
const calculator = new DeadlineCalculator(calendar);
const legal = parsePolicy({ due: '15 working days', warnBefore: ['3 working days', '1 working day'] });

describe('DeadlineCalculator on the legal policy (15 working days, АППК art. 76)', () => {
  it.each([
    // Friday before Nauryz 2026: 21 (Sat) and 22 (Sun) carry over to 24 and 25 March, 23 March is the holiday.
    ['2026-03-20T18:30:00+05:00', '2026-03-20', '2026-04-15'],
    // Saturday 4 January 2025: the next working day is Sunday 5 January (worked by order); 7 January is off.
    ['2025-01-04T10:00:00+05:00', '2025-01-05', '2025-01-27'],
    // 23:30 UTC on Thursday 2 May 2024 is already Friday 3 May in Kazakhstan; Saturday 4 May is worked,
    // 7 May (Defender of the Fatherland Day), 8 May (moved day off) and 9 May (Victory Day) are not.
    ['2024-05-02T23:30:00Z', '2024-05-03', '2024-05-28'],
    // Kurban Ait 2026, Wednesday 27 May, is a day off on a weekday.
    ['2026-05-26T09:00:00+05:00', '2026-05-26', '2026-06-17'],
    // Received on a Sunday: registered Monday, counted from Tuesday.
    ['2026-02-01T12:00:00+05:00', '2026-02-02', '2026-02-23'],
  ])('received %s → registered %s, due at the end of %s', (receivedAt, registeredOn, dueOn) => {
    const deadline = calculator.compute(new Date(receivedAt), legal);
    expect(deadline.registeredOn).toBe(registeredOn);
    expect(deadline.dueOn).toBe(dueOn);
    expect(deadline.dueAt.toISOString()).toBe(endOfKazakhstanDay(dueOn).toISOString());
    expect(deadline.workingDays).toBe(15);
  });

  it('warns at the start of the day when 3, then 1, working days remain', () => {
    const deadline = calculator.compute(new Date('2026-03-20T18:30:00+05:00'), legal);
    expect(deadline.warnings).toEqual([
      // Monday 13 April: 13, 14 and 15 April remain.
      { at: new Date('2026-04-13T00:00:00+05:00'), before: '3 working days', workingDaysLeft: 3 },
      { at: new Date('2026-04-15T00:00:00+05:00'), before: '1 working day', workingDaysLeft: 1 },
    ]);
  });

  it('runs a drill policy in seconds from the moment itself, warning points clamped to the start', () => {
    const drill = parsePolicy({ due: 'PT5S', warnBefore: ['PT2S', 'PT10S'] });
    const start = new Date('2026-03-21T10:00:00+05:00');
    const deadline = calculator.compute(start, drill);
    expect(deadline.dueAt.getTime() - start.getTime()).toBe(5000);
    expect(deadline.warnings.map((point) => [point.at.getTime() - start.getTime(), point.before])).toEqual([
      [0, 'PT10S'],
      [3000, 'PT2S'],
    ]);
    expect(deadline.workingDays).toBeUndefined();
  });

  it('counts an extension limit of two months in calendar months, in Kazakhstan', () => {
    const limit = calculator.beyond(new Date('2026-12-31T23:59:59.999+05:00'), {
      duration: Duration.fromISO('P2M'),
    });
    expect(limit.toISOString()).toBe(new Date('2027-02-28T23:59:59.999+05:00').toISOString());
  });
});

describe('DeadlineCalculator properties (2023–2028, years with and without data)', () => {
  const moment = fc
    .date({
      min: new Date('2023-01-01T00:00:00Z'),
      max: new Date('2028-06-30T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => new Date(date));
  const days = fc.integer({ min: 1, max: 60 });

  it('never puts a due day or a registration day on a day off', () => {
    fc.assert(
      fc.property(moment, days, (receivedAt, n) => {
        const deadline = calculator.compute(receivedAt, { due: { workingDays: n }, warnBefore: [] });
        expect(calendar.isWorkingDay(deadline.dueOn)).toBe(true);
        expect(calendar.isWorkingDay(deadline.registeredOn)).toBe(true);
        expect(deadline.registeredOn >= kazakhstanDay(receivedAt)).toBe(true);
      }),
    );
  });

  it('agrees with counting back: the due day is exactly n working days after registration', () => {
    fc.assert(
      fc.property(moment, days, (receivedAt, n) => {
        const deadline = calculator.compute(receivedAt, { due: { workingDays: n }, warnBefore: [] });
        expect(calendar.workingDaysBetween(deadline.registeredOn, deadline.dueOn)).toBe(n);
        expect(calendar.addWorkingDays(deadline.dueOn, -n)).toBe(deadline.registeredOn);
      }),
    );
  });

  it('never gives an earlier deadline for more working days, or for a later receipt', () => {
    fc.assert(
      fc.property(
        moment,
        days,
        days,
        fc.integer({ min: 0, max: 20 * 86_400_000 }),
        (receivedAt, a, b, later) => {
          const due = (at: Date, n: number) =>
            calculator.compute(at, { due: { workingDays: n }, warnBefore: [] }).dueAt;
          expect(due(receivedAt, Math.max(a, b)).getTime()).toBeGreaterThanOrEqual(
            due(receivedAt, Math.min(a, b)).getTime(),
          );
          expect(due(new Date(receivedAt.getTime() + later), a).getTime()).toBeGreaterThanOrEqual(
            due(receivedAt, a).getTime(),
          );
        },
      ),
    );
  });

  it('keeps every warning between receipt and the deadline, in order', () => {
    fc.assert(
      fc.property(moment, days, (receivedAt, n) => {
        const deadline = calculator.compute(receivedAt, { ...legal, due: { workingDays: n } });
        const moments = deadline.warnings.map((point) => point.at.getTime());
        expect([...moments].sort((x, y) => x - y)).toEqual(moments);
        for (const at of moments) {
          expect(at).toBeGreaterThanOrEqual(receivedAt.getTime());
          expect(at).toBeLessThanOrEqual(deadline.dueAt.getTime());
        }
      }),
    );
  });
});
