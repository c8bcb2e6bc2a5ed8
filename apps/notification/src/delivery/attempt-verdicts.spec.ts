import fc from 'fast-check';
import type { SendOutcome } from '../channels/delivery-channel';
import { decideAfterAttempt, type AttemptFacts } from './attempt-verdicts';
import { QuietHours } from './quiet-hours';

const now = new Date('2026-12-01T06:00:00Z'); // 11:00 in Kazakhstan
const timing = { initialMs: 1_000, maxMs: 60_000, random: () => 1 };

function facts(outcome: SendOutcome, overrides: Partial<AttemptFacts> = {}): AttemptFacts {
  return { outcome, attempts: 1, maxAttempts: 5, deduplicates: false, now, ...overrides };
}

describe('decideAfterAttempt', () => {
  it('ends a sent message and fails a refused one at once', () => {
    expect(decideAfterAttempt(facts({ status: 'sent', providerAnswer: '250 ok' }), timing)).toEqual({
      kind: 'sent',
    });
    expect(decideAfterAttempt(facts({ status: 'rejected', providerAnswer: '550' }), timing)).toEqual({
      kind: 'failed',
      reason: 'rejected',
    });
  });

  it('does not retry an unknown outcome where the channel cannot deduplicate (e-mail)', () => {
    expect(decideAfterAttempt(facts({ status: 'unknown', providerAnswer: 'reset' }), timing)).toEqual({
      kind: 'failed',
      reason: 'outcome-unknown',
    });
  });

  it('retries an unknown outcome where the provider drops a second copy (SMS gateway, webhooks)', () => {
    const verdict = decideAfterAttempt(
      facts({ status: 'unknown', providerAnswer: 'timeout' }, { deduplicates: true }),
      timing,
    );
    expect(verdict).toEqual({ kind: 'retry', nextAttemptAt: new Date(now.getTime() + 1_000) });
  });

  it('backs off exponentially up to the ceiling, and gives up when the attempts run out', () => {
    const retry: SendOutcome = { status: 'retry', providerAnswer: 'ECONNREFUSED' };
    const delays = [1, 2, 3, 4, 8].map((attempts) => {
      const verdict = decideAfterAttempt(facts(retry, { attempts, maxAttempts: 10 }), timing);
      return verdict.kind === 'retry' ? verdict.nextAttemptAt.getTime() - now.getTime() : -1;
    });
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 60_000]);
    expect(decideAfterAttempt(facts(retry, { attempts: 5, maxAttempts: 5 }), timing)).toEqual({
      kind: 'failed',
      reason: 'exhausted',
    });
  });

  it('waits at least as long as the provider asked, within the ceiling', () => {
    const verdict = decideAfterAttempt(
      facts({ status: 'retry', providerAnswer: '429', retryAfterMs: 30_000 }),
      timing,
    );
    expect(verdict).toEqual({ kind: 'retry', nextAttemptAt: new Date(now.getTime() + 30_000) });
  });

  it('keeps a retried SMS out of the quiet hours', () => {
    const evening = new Date('2026-12-01T16:59:59.500Z'); // half a second before 22:00 in Kazakhstan
    const verdict = decideAfterAttempt(
      facts(
        { status: 'retry', providerAnswer: '503' },
        { now: evening, quietHours: QuietHours.parse('22:00-08:00') },
      ),
      timing,
    );
    expect(verdict).toEqual({ kind: 'retry', nextAttemptAt: new Date('2026-12-02T03:00:00Z') });
  });

  it('spreads retries with jitter between half and the whole of the backoff', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (attempts, r) => {
          const verdict = decideAfterAttempt(facts({ status: 'retry', providerAnswer: 'x' }, { attempts }), {
            ...timing,
            random: () => r,
          });
          const ceiling = 1_000 * 2 ** (attempts - 1);
          const delay = verdict.kind === 'retry' ? verdict.nextAttemptAt.getTime() - now.getTime() : -1;
          expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
          expect(delay).toBeLessThanOrEqual(ceiling);
        },
      ),
    );
  });
});
