import { DateTime } from 'luxon';
import type { DeadlinePolicy } from './deadline-policy';
import { KAZAKHSTAN_ZONE, type WorkingCalendar } from './working-calendar';

export interface Deadline {
  dueAt: Date;
  warnAt: Date;
}

/** End of the n-th working day after the start day: the count begins the day after the appeal arrives. */
function endOfNthWorkingDay(start: DateTime, n: number, calendar: WorkingCalendar): DateTime {
  let day = start.startOf('day');
  for (let counted = 0; counted < n;) {
    day = day.plus({ days: 1 });
    if (calendar.isWorkingDay(day)) counted += 1;
  }
  return n === 0 ? start : day.endOf('day');
}

export class DeadlineCalculator {
  constructor(private readonly calendar: WorkingCalendar) {}

  compute(startedAt: Date, policy: DeadlinePolicy): Deadline {
    const start = DateTime.fromJSDate(startedAt, { zone: KAZAKHSTAN_ZONE });
    const due =
      'workingDays' in policy.due
        ? endOfNthWorkingDay(start, policy.due.workingDays, this.calendar)
        : start.plus(policy.due.duration);
    let warn: DateTime;
    if ('workingDays' in policy.warnBefore) {
      const dueDays = 'workingDays' in policy.due ? policy.due.workingDays : 0;
      warn = endOfNthWorkingDay(start, Math.max(0, dueDays - policy.warnBefore.workingDays), this.calendar);
    } else {
      warn = due.minus(policy.warnBefore.duration);
    }
    if (warn < start) warn = start;
    return { dueAt: due.toJSDate(), warnAt: warn.toJSDate() };
  }
}
