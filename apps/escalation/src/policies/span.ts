import { Duration } from 'luxon';

/** A span either in working days (legal deadlines) or as an ISO-8601 duration (drills and tests: `PT5S`). */
export type Span = { workingDays: number } | { duration: Duration };

const WORKING_DAYS = /^(\d{1,3}) working days?$/;

/**
 * Spans are written in the policy tables as they read in events: `15 working days`, `1 working day`, or an
 * ISO-8601 duration (`PT5S`, `P2M`). One text form, so a row is what the deadline-assigned event says.
 */
export function parseSpan(text: string, what: string): Span {
  const days = WORKING_DAYS.exec(text);
  if (days) return { workingDays: Number(days[1]) };
  const duration = Duration.fromISO(text);
  if (!duration.isValid)
    throw new Error(`${what}: "${text}" is neither "<n> working days" nor an ISO-8601 duration like PT5S`);
  if (!isNonNegative(duration)) throw new Error(`${what}: "${text}" must not be negative`);
  return { duration };
}

/** Luxon reads `PT-5S` and `-PT5S` as valid; a span is negative as soon as one of its units is. */
function isNonNegative(duration: Duration): boolean {
  return Object.values(duration.toObject()).every((value) => value === undefined || value >= 0);
}

export function isZero(span: Span): boolean {
  return 'workingDays' in span ? span.workingDays === 0 : span.duration.toMillis() === 0;
}

/** How the span reads in events and logs, e.g. `15 working days` or `PT5S`. */
export function describeSpan(span: Span): string {
  if ('workingDays' in span) return `${span.workingDays} working ${span.workingDays === 1 ? 'day' : 'days'}`;
  return span.duration.toISO() ?? 'invalid';
}
