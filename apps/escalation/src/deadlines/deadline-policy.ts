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

function span(workingDays: number | null, duration: string | null, what: string): Span {
  if (workingDays !== null) {
    if (!Number.isInteger(workingDays) || workingDays < 0)
      throw new Error(`${what}: working days must be a whole number >= 0`);
    return { workingDays };
  }
  if (duration !== null) {
    const parsed = Duration.fromISO(duration);
    if (!parsed.isValid) throw new Error(`${what}: "${duration}" is not an ISO-8601 duration`);
    return { duration: parsed };
  }
  throw new Error(`${what}: neither working days nor a duration is set`);
}

export function parsePolicy(stored: StoredPolicy): DeadlinePolicy {
  return {
    due: span(stored.dueWorkingDays, stored.dueDuration, 'due'),
    warnBefore: span(stored.warnWorkingDaysBefore, stored.warnDurationBefore, 'warn before'),
  };
}

/** How the policy reads in events and logs, e.g. `15 working days` or `PT5S`. */
export function describeSpan(value: Span): string {
  return 'workingDays' in value ? `${value.workingDays} working days` : (value.duration.toISO() ?? 'invalid');
}
