import type { FieldError } from '@app/contracts';
import { DateTime, Duration } from 'luxon';

/**
 * How far a publisher's `submittedAt` may stray from intake's clock. The legal term counts from the moment
 * an appeal is received, so that moment must be one intake can stand behind.
 */
export interface SubmittedAtPolicy {
  /** Clock skew allowed between the publisher and intake; a time further ahead is refused. */
  futureTolerance: Duration;
  /** The oldest `submittedAt` accepted; an older one would shorten the region's legal term unfairly. */
  maxAge: Duration;
}

export const SUBMITTED_AT_POLICY = Symbol('SubmittedAtPolicy');

const DEFAULT_FUTURE_TOLERANCE = 'PT5M';
const DEFAULT_MAX_AGE = 'P30D';

export type ReceiptDecision =
  { ok: true; receivedAt: Date } | ({ ok: false } & Required<Omit<FieldError, 'field'>>);

/**
 * When the appeal counts as received: its `submittedAt` when given and believable, else the moment intake
 * received it (`receivedNow`). A `submittedAt` ahead of intake's clock but within the tolerance is clamped
 * to `receivedNow`: an appeal is never received later than intake saw it. Both bounds are inclusive.
 */
export function decideReceivedAt(
  submittedAt: string | undefined,
  receivedNow: Date,
  policy: SubmittedAtPolicy,
): ReceiptDecision {
  if (submittedAt === undefined) return { ok: true, receivedAt: receivedNow };
  const submitted = new Date(submittedAt);
  const now = DateTime.fromJSDate(receivedNow, { zone: 'utc' });
  if (submitted.getTime() > now.plus(policy.futureTolerance).toMillis()) {
    return {
      ok: false,
      reason:
        `submittedAt must not be more than ${policy.futureTolerance.toISO()} ahead of intake's clock ` +
        `(${receivedNow.toISOString()}): give the moment the citizen submitted the appeal, or leave it out`,
      code: 'submittedAtTooFarAhead',
      params: { tolerance: String(policy.futureTolerance.toISO()), now: receivedNow.toISOString() },
    };
  }
  if (submitted.getTime() < now.minus(policy.maxAge).toMillis()) {
    return {
      ok: false,
      reason:
        `submittedAt must not be more than ${policy.maxAge.toISO()} before intake receives the appeal ` +
        `(${receivedNow.toISOString()}): an older date would shorten the legal term; correct it, or leave ` +
        'it out so that the moment of receipt counts, and send again',
      code: 'submittedAtTooOld',
      params: { maxAge: String(policy.maxAge.toISO()), now: receivedNow.toISOString() },
    };
  }
  return { ok: true, receivedAt: submitted > receivedNow ? receivedNow : submitted };
}

/**
 * The moment an appeal reached intake as the transport says it (a Kafka record's timestamp), within what can
 * be believed: never after now, and never older than the policy's oldest submittedAt (a producer may set any
 * timestamp); outside that, now.
 */
export function believableArrival(arrivedAt: Date, now: Date, policy: SubmittedAtPolicy): Date {
  const oldest = DateTime.fromJSDate(now, { zone: 'utc' }).minus(policy.maxAge).toMillis();
  const at = arrivedAt.getTime();
  return Number.isFinite(at) && at <= now.getTime() && at >= oldest ? arrivedAt : now;
}

/** A non-negative ISO-8601 duration from the environment; unset or blank gives `fallback`. */
function durationFromEnv(
  name: string,
  fallback: string,
  env: NodeJS.ProcessEnv,
  positive: boolean,
): Duration {
  const raw = env[name]?.trim() || fallback;
  const parsed = Duration.fromISO(raw);
  const signs = Object.values(parsed.toObject());
  const valid =
    parsed.isValid &&
    signs.every((value) => value === undefined || value >= 0) &&
    (!positive || parsed.toMillis() > 0);
  if (!valid) {
    const what = positive ? 'a positive' : 'a non-negative';
    throw new Error(`${name} must be ${what} ISO-8601 duration such as ${fallback}, got "${raw}"`);
  }
  return parsed;
}

/** Read once at start-up: a bad value stops intake with a message naming the variable. */
export function submittedAtPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): SubmittedAtPolicy {
  return {
    futureTolerance: durationFromEnv(
      'INTAKE_SUBMITTED_AT_FUTURE_TOLERANCE',
      DEFAULT_FUTURE_TOLERANCE,
      env,
      false,
    ),
    maxAge: durationFromEnv('INTAKE_SUBMITTED_AT_MAX_AGE', DEFAULT_MAX_AGE, env, true),
  };
}
