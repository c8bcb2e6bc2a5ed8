import { Duration } from 'luxon';

/** A span either in working days (legal deadlines) or as an ISO-8601 duration (drills and tests: `PT5S`). */
export type Span = { workingDays: number } | { duration: Duration };

export interface DeadlinePolicy {
  due: Span;
  warnBefore: Span;
}

export interface StoredPolicy {
  dueWorkingDays: number | null;
  dueDuration: string | null;
  warnWorkingDaysBefore: number | null;
  warnDurationBefore: string | null;
}

/** A `due` duration must be positive; a `warn before` one may be zero (warn at the deadline) but not negative. */
function span(workingDays: number | null, duration: string | null, what: string, allowZero: boolean): Span {
  if (workingDays !== null) {
    if (!Number.isInteger(workingDays) || workingDays < 0)
      throw new Error(`${what}: working days must be a whole number >= 0`);
    return { workingDays };
  }
  if (duration !== null) {
    const parsed = Duration.fromISO(duration);
    if (!parsed.isValid) throw new Error(`${what}: "${duration}" is not an ISO-8601 duration`);
    if (!allowZero && (!isNonNegative(parsed) || parsed.toMillis() <= 0))
      throw new Error(`${what}: "${duration}" must be a positive duration, e.g. PT5S`);
    if (!isNonNegative(parsed)) throw new Error(`${what}: "${duration}" must not be negative`);
    return { duration: parsed };
  }
  throw new Error(`${what}: neither working days nor a duration is set`);
}

/** Luxon reads `PT-5S` and `-PT5S` as valid; a span is negative as soon as one of its units is. */
function isNonNegative(duration: Duration): boolean {
  return Object.values(duration.toObject()).every((value) => value === undefined || value >= 0);
}

export function parsePolicy(stored: StoredPolicy): DeadlinePolicy {
  return {
    due: span(stored.dueWorkingDays, stored.dueDuration, 'due', false),
    warnBefore: span(stored.warnWorkingDaysBefore, stored.warnDurationBefore, 'warn before', true),
  };
}

/** How the policy reads in events and logs, e.g. `15 working days` or `PT5S`. */
export function describeSpan(value: Span): string {
  if ('workingDays' in value)
    return `${value.workingDays} working ${value.workingDays === 1 ? 'day' : 'days'}`;
  return value.duration.toISO() ?? 'invalid';
}
