import {
  decideRefresh,
  refreshTokenExpiry,
  REUSE_GRACE_MS,
  type RefreshTokenRecord,
} from './refresh-decision';

const NOW = new Date('2026-03-02T09:00:00Z');
const LATER = new Date('2026-03-02T17:00:00Z');

function record(overrides: Partial<RefreshTokenRecord> = {}): RefreshTokenRecord {
  return {
    sessionId: 'session',
    userId: 'user',
    expiresAt: LATER,
    usedAt: null,
    sessionExpiresAt: LATER,
    sessionRevokedAt: null,
    ...overrides,
  };
}

describe('decideRefresh', () => {
  it('rotates a live, unspent token of a live session', () =>
    expect(decideRefresh(record(), NOW)).toBe('rotate'));

  it('takes a spent token presented again for theft: the family is to be revoked', () =>
    expect(decideRefresh(record({ usedAt: new Date('2026-03-02T08:59:00Z') }), NOW)).toBe('reused'));

  it('refuses a token spent a moment ago without ending the session: two tabs, or a retried request', () => {
    const spentAt = (msAgo: number) => record({ usedAt: new Date(NOW.getTime() - msAgo) });
    expect(decideRefresh(spentAt(0), NOW)).toBe('spent-recently');
    expect(decideRefresh(spentAt(REUSE_GRACE_MS - 1), NOW)).toBe('spent-recently');
    expect(decideRefresh(spentAt(REUSE_GRACE_MS), NOW)).toBe('reused');
  });

  it('refuses a token of a revoked session, spent or not, without reporting reuse again', () => {
    expect(decideRefresh(record({ sessionRevokedAt: NOW }), NOW)).toBe('revoked');
    expect(decideRefresh(record({ sessionRevokedAt: NOW, usedAt: NOW }), NOW)).toBe('revoked');
  });

  it('refuses an expired token, and any token once its session has reached its end', () => {
    expect(decideRefresh(record({ expiresAt: NOW }), NOW)).toBe('expired');
    expect(decideRefresh(record({ sessionExpiresAt: NOW }), NOW)).toBe('expired');
  });

  it('knows nothing of a token it never issued', () => expect(decideRefresh(undefined, NOW)).toBe('unknown'));
});

describe('refreshTokenExpiry', () => {
  it('gives the next token its own span, cut at the end of the session', () => {
    const hour = 3_600_000;
    expect(refreshTokenExpiry(NOW, hour, LATER)).toEqual(new Date(NOW.getTime() + hour));
    expect(refreshTokenExpiry(NOW, 10 * hour, LATER)).toEqual(LATER);
  });
});
