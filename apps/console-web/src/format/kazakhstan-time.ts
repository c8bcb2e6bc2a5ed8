import { MONTHS } from '@app/calendar/month-names';
import { localeOf } from '../i18n/languages';

/**
 * Kazakhstan keeps one time, UTC+5, since 1 March 2024. A fixed zone (`Etc/GMT-5` is UTC+5 in POSIX's inverted
 * sign) shows deadlines the same in every browser, whatever its own zone or tz database.
 */
export const KAZAKHSTAN_TIME_ZONE = 'Etc/GMT-5';

interface KazakhstanClock {
  year: number;
  month: number;
  day: number;
  time: string;
}

/** The instant moved by five hours, so that its UTC fields read as Kazakhstan's wall clock. */
function onKazakhstanClock(iso: string): Date {
  return new Date(new Date(iso).getTime() + 5 * 3600_000);
}

function clockOf(iso: string): KazakhstanClock {
  const shifted = onKazakhstanClock(iso);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth(),
    day: shifted.getUTCDate(),
    time: shifted.toISOString().slice(11, 16),
  };
}

/**
 * Browsers' date data for Kazakh is thin (Chromium writes "2026 M03 10"), so Kazakh dates are written here;
 * Russian and English come from the browser's own.
 */
function kazakhDate({ year, month, day }: KazakhstanClock): string {
  return `${day} ${MONTHS.kk[month]} ${year} ж.`;
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  if (language === 'kk') {
    const clock = clockOf(iso);
    return `${kazakhDate(clock)}, ${clock.time}`;
  }
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: KAZAKHSTAN_TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  if (language === 'kk') return kazakhDate(clockOf(iso));
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: KAZAKHSTAN_TIME_ZONE,
    dateStyle: 'medium',
  }).format(new Date(iso));
}

/** A day and its month, for an axis of weeks: "30 қараша", "30 нояб.", "30 Nov". */
export function formatDayMonth(iso: string, language: string): string {
  if (language === 'kk') {
    const { day, month } = clockOf(iso);
    return `${day} ${MONTHS.kk[month]}`;
  }
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: KAZAKHSTAN_TIME_ZONE,
    day: 'numeric',
    month: 'short',
  }).format(new Date(iso));
}

/** `YYYY-MM-DD` of an instant in Kazakhstan: the value of a date field. */
export function kazakhstanDateOf(iso: string): string {
  return onKazakhstanClock(iso).toISOString().slice(0, 10);
}

/** The end of a Kazakhstan day (23:59:59 UTC+5) as an instant: what a chosen date means as a deadline. */
export function endOfKazakhstanDay(date: string): string {
  return new Date(`${date}T23:59:59+05:00`).toISOString();
}
