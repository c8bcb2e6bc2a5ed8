export type Verdict = 'met' | 'missed' | 'not measured' | 'info';

/** A goal of the issue: the measured value must be at least or at most `limit` (in the row's own unit). */
export interface Target {
  direction: 'at-least' | 'at-most';
  limit: number;
  /** How the limit reads in the table, e.g. "≥ 1,000 appeals/s" or "≥ 5× stock". */
  label: string;
}

export const atLeast = (limit: number, label: string): Target => ({ direction: 'at-least', limit, label });
export const atMost = (limit: number, label: string): Target => ({ direction: 'at-most', limit, label });

/** Rows without a target only inform; a value that could not be measured never counts as met. */
export function judge(value: number | undefined, target: Target | undefined): Verdict {
  if (!target) return 'info';
  if (value === undefined || !Number.isFinite(value)) return 'not measured';
  const met = target.direction === 'at-least' ? value >= target.limit : value <= target.limit;
  return met ? 'met' : 'missed';
}
