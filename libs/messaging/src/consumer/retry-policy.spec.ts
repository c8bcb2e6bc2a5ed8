import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

const policy: RetryPolicy = {
  maxAttempts: 5,
  maxTransientAttempts: 100,
  initialDelayMs: 100,
  maxDelayMs: 1_000,
};
const highest = (): number => 1;
const lowest = (): number => 0;

describe('backoffDelay', () => {
  it('doubles the ceiling with each attempt, starting at the initial delay', () => {
    expect([1, 2, 3, 4].map((attempt) => backoffDelay(policy, attempt, highest))).toEqual([
      100, 200, 400, 800,
    ]);
  });

  it('never waits longer than maxDelayMs', () => {
    expect(backoffDelay(policy, 5, highest)).toBe(1_000);
    expect(backoffDelay(policy, 50, highest)).toBe(1_000);
    expect(backoffDelay(DEFAULT_RETRY_POLICY, 100, highest)).toBe(DEFAULT_RETRY_POLICY.maxDelayMs);
  });

  it('treats attempt 0 or less like the first attempt', () => {
    expect(backoffDelay(policy, 0, highest)).toBe(100);
    expect(backoffDelay(policy, -3, highest)).toBe(100);
  });

  it('jitters between half the ceiling and the ceiling', () => {
    expect(backoffDelay(policy, 3, lowest)).toBe(200);
    expect(backoffDelay(policy, 3, () => 0.5)).toBe(300);
    expect(backoffDelay(policy, 3, highest)).toBe(400);
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
      for (let i = 0; i < 50; i += 1) {
        const delay = backoffDelay(policy, attempt);
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
        expect(delay).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('spreads the delays of replicas retrying together', () => {
    const delays = new Set(Array.from({ length: 20 }, (_, i) => backoffDelay(policy, 4, () => i / 20)));
    expect(delays.size).toBe(20);
  });
});
