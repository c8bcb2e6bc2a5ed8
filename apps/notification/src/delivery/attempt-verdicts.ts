import { backoffDelay } from '@app/messaging';
import type { SendOutcome } from '../channels/delivery-channel';
import type { AttemptVerdict } from './attempt-listener';
import type { QuietHours } from './quiet-hours';

export interface AttemptFacts {
  outcome: SendOutcome;
  /** Attempts made so far, this one included. */
  attempts: number;
  maxAttempts: number;
  /** Whether the channel drops a second copy, so an unknown outcome may be retried. */
  deduplicates: boolean;
  now: Date;
  /** For SMS: a retry falling in the night waits for the morning. */
  quietHours?: QuietHours;
}

export interface RetryTiming {
  initialMs: number;
  maxMs: number;
  random?: () => number;
}

/**
 * What follows an attempt: sent is over; a refusal for good fails at once; an outcome that may have been
 * delivered is retried only where the channel deduplicates (else the citizen could get it twice); anything
 * else is retried with exponential backoff and jitter (never sooner than a provider's Retry-After) until the
 * channel's attempts run out.
 */
export function decideAfterAttempt(facts: AttemptFacts, timing: RetryTiming): AttemptVerdict {
  const { outcome } = facts;
  if (outcome.status === 'sent') return { kind: 'sent' };
  if (outcome.status === 'rejected') return { kind: 'failed', reason: 'rejected' };
  if (outcome.status === 'unknown' && !facts.deduplicates)
    return { kind: 'failed', reason: 'outcome-unknown' };
  if (facts.attempts >= facts.maxAttempts) return { kind: 'failed', reason: 'exhausted' };
  const backoff = backoffDelay(
    { initialDelayMs: timing.initialMs, maxDelayMs: timing.maxMs, maxAttempts: 0, maxTransientAttempts: 0 },
    facts.attempts,
    timing.random,
  );
  const retryAfter = outcome.status === 'retry' ? Math.min(outcome.retryAfterMs ?? 0, timing.maxMs) : 0;
  const due = new Date(facts.now.getTime() + Math.max(backoff, retryAfter));
  return { kind: 'retry', nextAttemptAt: facts.quietHours ? facts.quietHours.nextAllowed(due) : due };
}
