import { kazakhstanDay, startOfKazakhstanDay, type CalendarDay } from '@app/calendar';

const DAY_MS = 86_400_000;

/** The Mondays (in Kazakhstan) that start the last `count` weeks, the current one last. */
export function weekStarts(now: Date, count: number): CalendarDay[] {
  const today = startOfKazakhstanDay(kazakhstanDay(now));
  const sinceMonday = (new Date(today.getTime() + 5 * 3_600_000).getUTCDay() + 6) % 7;
  const monday = today.getTime() - sinceMonday * DAY_MS;
  return Array.from({ length: count }, (_, index) =>
    kazakhstanDay(new Date(monday - (count - 1 - index) * 7 * DAY_MS)),
  );
}
