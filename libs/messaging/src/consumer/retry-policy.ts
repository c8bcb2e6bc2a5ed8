export interface RetryPolicy {
  /** Attempts for failures of unknown cause before the message is dead-lettered, so it cannot block its partition. */
  maxAttempts: number;
  /**
   * Attempts for transient failures (database or broker away). Many, so an outage is waited out, but not
   * unbounded: a message that keeps causing "transient" errors (a query that always times out) must not
   * hold its partition forever. At the default backoff this is about 25 minutes.
   */
  maxTransientAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  maxTransientAttempts: 100,
  initialDelayMs: 200,
  maxDelayMs: 15_000,
};

/** Exponential backoff with full jitter, so replicas retrying together do not hammer a recovering database. */
export function backoffDelay(
  policy: RetryPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
