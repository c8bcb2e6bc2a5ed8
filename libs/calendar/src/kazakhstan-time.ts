import { type CalendarDay, parseDay } from './calendar-day';

/** Kazakhstan has had one time zone, UTC+5, since 00:00 on 1 March 2024 (IANA tzdata 2024a). */
export const KAZAKHSTAN_OFFSET_MINUTES = 300;
const OFFSET_MS = KAZAKHSTAN_OFFSET_MINUTES * 60_000;

/** Day of the given instant in Kazakhstan (UTC+5). */
export function kazakhstanDay(instant: Date): CalendarDay {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date has no day in Kazakhstan');
  const day = new Date(ms + OFFSET_MS).toISOString().slice(0, 10);
  parseDay(day);
  return day;
}

/** Midnight (00:00 UTC+5) that starts the day, as an instant. */
export function startOfKazakhstanDay(day: CalendarDay): Date {
  const { year, month, dayOfMonth } = parseDay(day);
  return new Date(Date.UTC(year, month - 1, dayOfMonth) - OFFSET_MS);
}

/** The last millisecond (23:59:59.999 UTC+5) of the day, as an instant. */
export function endOfKazakhstanDay(day: CalendarDay): Date {
  return new Date(startOfKazakhstanDay(day).getTime() + 86_400_000 - 1);
}
