export { type CalendarDay, FIRST_YEAR, LAST_YEAR, OutsideCalendarError } from './calendar-day';
export { type DayReason, type LocalizedText } from './day-reason';
export {
  KAZAKHSTAN_OFFSET_MINUTES,
  endOfKazakhstanDay,
  kazakhstanDay,
  startOfKazakhstanDay,
} from './kazakhstan-time';
export { type CalendarOptions, type DayInfo, WorkingCalendar, calendarDataDir } from './working-calendar';
