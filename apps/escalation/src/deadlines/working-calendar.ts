import { DateTime, FixedOffsetZone } from 'luxon';

/** Kazakhstan has one time zone, UTC+5, since 1 March 2024; deadlines are counted in its calendar days. */
export const KAZAKHSTAN_ZONE = FixedOffsetZone.instance(5 * 60);

export interface WorkingCalendar {
  isWorkingDay(day: DateTime): boolean;
}

/**
 * Monday to Friday. Public holidays and the days off moved by decree come as data per year
 * with the calendar issue; until then this is the only rule, and every caller goes through the interface.
 */
export class WeekdayCalendar implements WorkingCalendar {
  isWorkingDay(day: DateTime): boolean {
    return day.weekday <= 5;
  }
}
