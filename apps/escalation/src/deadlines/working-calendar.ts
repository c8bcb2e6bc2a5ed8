import { FixedOffsetZone } from 'luxon';

/** Kazakhstan has one time zone, UTC+5, since 1 March 2024; deadlines are counted in its calendar days. */
export const KAZAKHSTAN_OFFSET_MS = 5 * 60 * 60 * 1000;
export const KAZAKHSTAN_ZONE = FixedOffsetZone.instance(5 * 60);

/** A calendar day in Kazakhstan, `YYYY-MM-DD`: the form holiday calendars are written in. */
export type CalendarDay = string;

export interface WorkingCalendar {
  isWorkingDay(day: CalendarDay): boolean;
}

/**
 * Monday to Friday. Public holidays and the days off moved by decree come as data per year
 * with the calendar issue; until then this is the only rule, and every caller goes through the interface.
 */
export class WeekdayCalendar implements WorkingCalendar {
  isWorkingDay(day: CalendarDay): boolean {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday >= 1 && weekday <= 5;
  }
}
