import { afterFailure } from './subscription-health';

const retry = { status: 'retry', providerAnswer: 'HTTP 503' } as const;

describe('afterFailure', () => {
  it('disables at the configured run of failures, not before, and holds the pending deliveries', () => {
    expect(afterFailure(retry, { failures: 9, status: 'active' }, 10)).toEqual({ hold: false });
    expect(afterFailure(retry, { failures: 10, status: 'active' }, 10)).toEqual({
      disable: 'failures',
      hold: true,
    });
    expect(
      afterFailure({ status: 'unknown', providerAnswer: 'timeout' }, { failures: 1, status: 'active' }, 1),
    ).toEqual({ disable: 'failures', hold: true });
  });

  it('disables at once on 410 Gone, but not on another refusal', () => {
    expect(
      afterFailure(
        { status: 'rejected', providerAnswer: 'HTTP 410 gone' },
        { failures: 1, status: 'active' },
        10,
      ),
    ).toEqual({ disable: 'gone', hold: true });
    expect(
      afterFailure({ status: 'rejected', providerAnswer: 'HTTP 404' }, { failures: 1, status: 'active' }, 10),
    ).toEqual({
      hold: false,
    });
  });

  it('keeps holding for a subscription disabled already (a concurrent attempt ended later)', () => {
    expect(afterFailure(retry, { failures: 12, status: 'disabled' }, 10)).toEqual({ hold: true });
  });
});
