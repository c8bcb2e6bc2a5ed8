import { DateTime } from 'luxon';
import type { DeadlinePolicy } from './deadline-policy';
import { KAZAKHSTAN_OFFSET_MS, KAZAKHSTAN_ZONE, type WorkingCalendar } from './working-calendar';

export interface Deadline {
  dueAt: Date;
  warnAt: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * End (23:59:59.999 in Kazakhstan) of the n-th working day after the start day: the count begins the
 * day after the appeal arrives. Plain day arithmetic on the local date; the zone has no daylight saving.
 */
function endOfNthWorkingDay(start: Date, n: number, calendar: WorkingCalendar): Date {
  if (n === 0) return start;
  // Midnight of the local start day, written as if it were UTC, so the UTC date fields are the local ones.
  let day = Math.floor((start.getTime() + KAZAKHSTAN_OFFSET_MS) / DAY_MS) * DAY_MS;
  for (let counted = 0; counted < n;) {
    day += DAY_MS;
    if (calendar.isWorkingDay(new Date(day).toISOString().slice(0, 10))) counted += 1;
  }
  return new Date(day + DAY_MS - 1 - KAZAKHSTAN_OFFSET_MS);
}

export class DeadlineCalculator {
  constructor(private readonly calendar: WorkingCalendar) {}

  compute(startedAt: Date, policy: DeadlinePolicy): Deadline {
    const due =
      'workingDays' in policy.due
        ? endOfNthWorkingDay(startedAt, policy.due.workingDays, this.calendar)
        : DateTime.fromJSDate(startedAt, { zone: KAZAKHSTAN_ZONE }).plus(policy.due.duration).toJSDate();
    let warn: Date;
    if ('workingDays' in policy.warnBefore) {
      const dueDays = 'workingDays' in policy.due ? policy.due.workingDays : 0;
      warn = endOfNthWorkingDay(
        startedAt,
        Math.max(0, dueDays - policy.warnBefore.workingDays),
        this.calendar,
      );
    } else {
      warn = DateTime.fromJSDate(due, { zone: KAZAKHSTAN_ZONE }).minus(policy.warnBefore.duration).toJSDate();
    }
    if (warn < startedAt) warn = startedAt;
    return { dueAt: due, warnAt: warn };
  }
}
