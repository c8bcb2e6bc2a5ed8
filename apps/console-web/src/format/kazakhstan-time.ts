import { localeOf } from '../i18n/languages';

/**
 * Kazakhstan keeps one time, UTC+5, since 1 March 2024. A fixed zone (`Etc/GMT-5` is UTC+5 in POSIX's inverted
 * sign) shows deadlines the same in every browser, whatever its own zone or tz database.
 */
export const KAZAKHSTAN_TIME_ZONE = 'Etc/GMT-5';

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: KAZAKHSTAN_TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(localeOf(language), {
    timeZone: KAZAKHSTAN_TIME_ZONE,
    dateStyle: 'medium',
  }).format(new Date(iso));
}

/** `YYYY-MM-DD` of an instant in Kazakhstan: the value of a date field. */
export function kazakhstanDateOf(iso: string): string {
  return new Date(new Date(iso).getTime() + 5 * 3600_000).toISOString().slice(0, 10);
}

/** The end of a Kazakhstan day (23:59:59 UTC+5) as an instant: what a chosen date means as a deadline. */
export function endOfKazakhstanDay(date: string): string {
  return new Date(`${date}T23:59:59+05:00`).toISOString();
}
