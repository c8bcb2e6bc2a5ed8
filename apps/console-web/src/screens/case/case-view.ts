import type { CaseDeadline, CasePageCase } from '@app/contracts/console-api/cases';
import { localeOf } from '../../i18n/languages';
import type { Phrase } from './timeline';

/** A file size in words (`size.bytes|kb|mb`), the number written as the UI language writes it. */
export function sizePhrase(bytes: number, language: string): Phrase {
  const locale = localeOf(language);
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  if (bytes < 1024) return { key: 'size.bytes', values: { value: number(bytes) } };
  if (bytes < 1024 * 1024) return { key: 'size.kb', values: { value: number(bytes / 1024) } };
  return { key: 'size.mb', values: { value: number(bytes / (1024 * 1024)) } };
}

/**
 * The attachment's address as a link, only when it is an https address: never `javascript:` or the like, and not
 * plain http, which anyone on the way could change.
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export type DeadlineState = 'overdue' | 'due-soon' | 'on-time';

/** The badge of the deadline: overdue, due soon, or on time; none when the case has no running deadline. */
export function deadlineStateOf(
  kase: Pick<CasePageCase, 'dueAt' | 'overdue' | 'dueSoon' | 'status'>,
): DeadlineState | null {
  if (kase.overdue) return 'overdue';
  if (kase.dueSoon) return 'due-soon';
  if (kase.dueAt === null || !OPEN_STATUSES.includes(kase.status)) return null;
  return 'on-time';
}

/** Statuses in which someone still owes the citizen an answer (apps/console/src/cases/queries/deadline-marks.ts). */
export const OPEN_STATUSES: readonly string[] = ['registered', 'new', 'in-work', 'transfer-pending'];

/** Days off the deadline skipped, in date order: what the API explains, ready for a list. */
export function skippedDays(deadline: Pick<CaseDeadline, 'skipped'>): CaseDeadline['skipped'] {
  return [...deadline.skipped].sort((a, b) => a.date.localeCompare(b.date));
}

/** A `YYYY-MM-DD` day as an instant inside it (noon in UTC+5), for formatDate. */
export function dayInstant(day: string): string {
  return `${day}T12:00:00+05:00`;
}
