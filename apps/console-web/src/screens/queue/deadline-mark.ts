/** Statuses in which someone still owes the citizen an answer: only these can be overdue or due soon. */
export const OPEN_STATUSES: readonly string[] = ['registered', 'new', 'in-work', 'transfer-pending'];

export type DeadlineMark = 'overdue' | 'due-soon' | 'none';

/**
 * A row's deadline mark. The server marks each case when it reads the page (due soon counts working days on
 * Kazakhstan's calendar, which only it knows); a deadline that has passed since, while the list stayed open, is
 * overdue here too.
 */
export function deadlineMarkOf(
  item: Pick<CaseSummary, 'status' | 'dueAt' | 'overdue' | 'dueSoon'>,
  now: Date,
): DeadlineMark {
  if (item.overdue) return 'overdue';
  const open = OPEN_STATUSES.includes(item.status);
  if (open && item.dueAt !== null && new Date(item.dueAt).getTime() < now.getTime()) return 'overdue';
  if (item.dueSoon) return 'due-soon';
  return 'none';
}

/** The row's class: `row--overdue` / `row--due-soon` (styles.css), none otherwise. */
export function rowClassOf(mark: DeadlineMark): string | undefined {
  return mark === 'none' ? undefined : `row--${mark}`;
}

/** The badge's class: `badge badge--overdue` / `badge badge--due-soon`. */
export function badgeClassOf(mark: Exclude<DeadlineMark, 'none'>): string {
  return `badge badge--${mark}`;
}
import type { CaseSummary } from '@app/contracts/console-api/cases';
