import fc from 'fast-check';
import { Duration } from 'luxon';
import {
  believableArrival,
  decideReceivedAt,
  submittedAtPolicyFromEnv,
  type SubmittedAtPolicy,
} from './received-at';

const POLICY: SubmittedAtPolicy = {
  futureTolerance: Duration.fromISO('PT5M'),
  maxAge: Duration.fromISO('P30D'),
};
const NOW = new Date('2026-11-30T04:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function at(offsetMs: number): string {
  return new Date(NOW.getTime() + offsetMs).toISOString();
}

describe('decideReceivedAt', () => {
  it('takes the moment intake received the appeal when no submittedAt is given', () => {
    expect(decideReceivedAt(undefined, NOW, POLICY)).toEqual({ ok: true, receivedAt: NOW });
  });

  it('takes a submittedAt in the past as it is, whatever its offset', () => {
    expect(decideReceivedAt('2026-11-29T10:15:00+05:00', NOW, POLICY)).toEqual({
      ok: true,
      receivedAt: new Date('2026-11-29T05:15:00Z'),
    });
  });

  it('clamps a submittedAt ahead of the clock by at most the tolerance to the receive moment', () => {
    expect(decideReceivedAt(at(5 * MINUTE), NOW, POLICY)).toEqual({ ok: true, receivedAt: NOW });
    expect(decideReceivedAt(at(1), NOW, POLICY)).toEqual({ ok: true, receivedAt: NOW });
  });

  it('refuses a submittedAt further ahead than the tolerance, naming the tolerance', () => {
    const decision = decideReceivedAt(at(5 * MINUTE + 1), NOW, POLICY);
    expect(decision).toEqual({
      ok: false,
      reason: expect.stringContaining('more than PT5M ahead'),
      code: 'submittedAtTooFarAhead',
      params: { tolerance: 'PT5M', now: expect.any(String) },
    });
  });

  it('accepts a submittedAt exactly the maximum age old and refuses an older one', () => {
    expect(decideReceivedAt(at(-30 * DAY), NOW, POLICY)).toEqual({
      ok: true,
      receivedAt: new Date(NOW.getTime() - 30 * DAY),
    });
    const decision = decideReceivedAt(at(-30 * DAY - 1), NOW, POLICY);
    expect(decision).toEqual({
      ok: false,
      reason: expect.stringContaining('more than P30D before'),
      code: 'submittedAtTooOld',
      params: { maxAge: 'P30D', now: expect.any(String) },
    });
  });

  it('never gives a receive moment after intake saw the appeal, nor one outside the accepted window', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -40 * DAY, max: 40 * DAY }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        (offset, toleranceMinutes, maxAgeDays) => {
          const policy = {
            futureTolerance: Duration.fromObject({ minutes: toleranceMinutes }),
            maxAge: Duration.fromObject({ days: maxAgeDays }),
          };
          const decision = decideReceivedAt(at(offset), NOW, policy);
          const inWindow = offset <= toleranceMinutes * MINUTE && offset >= -maxAgeDays * DAY;
          expect(decision.ok).toBe(inWindow);
          if (!decision.ok) return;
          expect(decision.receivedAt.getTime()).toBe(Math.min(NOW.getTime() + offset, NOW.getTime()));
        },
      ),
    );
  });
});

describe('submittedAtPolicyFromEnv', () => {
  it('defaults to five minutes of skew and thirty days of age', () => {
    const policy = submittedAtPolicyFromEnv({});
    expect(policy.futureTolerance.toISO()).toBe('PT5M');
    expect(policy.maxAge.toISO()).toBe('P30D');
  });

  it('reads ISO-8601 durations, and a zero tolerance', () => {
    const policy = submittedAtPolicyFromEnv({
      INTAKE_SUBMITTED_AT_FUTURE_TOLERANCE: 'PT0S',
      INTAKE_SUBMITTED_AT_MAX_AGE: ' P2M ',
    });
    expect(policy.futureTolerance.toMillis()).toBe(0);
    expect(policy.maxAge.toISO()).toBe('P2M');
  });

  it.each([
    ['INTAKE_SUBMITTED_AT_FUTURE_TOLERANCE', '5 minutes', 'a non-negative ISO-8601 duration such as PT5M'],
    ['INTAKE_SUBMITTED_AT_FUTURE_TOLERANCE', '-PT5M', 'a non-negative ISO-8601 duration such as PT5M'],
    ['INTAKE_SUBMITTED_AT_MAX_AGE', 'P0D', 'a positive ISO-8601 duration such as P30D'],
    ['INTAKE_SUBMITTED_AT_MAX_AGE', '30', 'a positive ISO-8601 duration such as P30D'],
  ])('stops with a message naming %s when it is "%s"', (name, value, expected) => {
    expect(() => submittedAtPolicyFromEnv({ [name]: value })).toThrow(
      `${name} must be ${expected}, got "${value}"`,
    );
  });
});

describe('believableArrival', () => {
  const policy = { futureTolerance: Duration.fromISO('PT5M'), maxAge: Duration.fromISO('P30D') };
  const now = new Date('2026-03-20T10:00:00Z');

  it('keeps a Kafka timestamp from the past: the appeal counts as received when it reached Kafka', () => {
    const lagged = new Date('2026-03-19T10:00:00Z');
    expect(believableArrival(lagged, now, policy)).toEqual(lagged);
  });

  it.each([
    ['from the future', new Date('2026-03-20T10:00:01Z')],
    ['older than the oldest submittedAt allowed', new Date('2026-02-01T00:00:00Z')],
    ['zero (a producer that sets no time)', new Date(0)],
    ['not a time at all', new Date(Number.NaN)],
  ])('takes now instead of a timestamp %s', (_what, arrivedAt) => {
    expect(believableArrival(arrivedAt, now, policy)).toEqual(now);
  });
});
