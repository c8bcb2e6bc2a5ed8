/** A refresh token as stored, with the session (the token family) it belongs to. */
export interface RefreshTokenRecord {
  sessionId: string;
  userId: string;
  expiresAt: Date;
  usedAt: Date | null;
  sessionExpiresAt: Date;
  sessionRevokedAt: Date | null;
}

/**
 * How long after a refresh token was spent presenting it again is taken for a race of the holder's own (two
 * tabs refreshing at once, a request retried after its answer was lost) rather than for theft.
 */
export const REUSE_GRACE_MS = 10_000;

/**
 * `rotate`: spend it and hand out the next one. `reused`: it was spent before, so two parties hold it (one of
 * them a thief, and we cannot tell which): the whole family is revoked. `spent-recently`: spent within
 * {@link REUSE_GRACE_MS}: refused, but the session lives on. Not answered with the successor already issued:
 * that would hand a live token to whoever presents the old one, a thief included, and it is the one tab that
 * won the race that keeps working. The others: refuse, change nothing.
 */
export type RefreshDecision = 'rotate' | 'reused' | 'spent-recently' | 'expired' | 'revoked' | 'unknown';

export function decideRefresh(record: RefreshTokenRecord | undefined, now: Date): RefreshDecision {
  if (!record) return 'unknown';
  if (record.sessionRevokedAt) return 'revoked';
  if (record.usedAt)
    return now.getTime() - record.usedAt.getTime() < REUSE_GRACE_MS ? 'spent-recently' : 'reused';
  if (record.expiresAt <= now || record.sessionExpiresAt <= now) return 'expired';
  return 'rotate';
}

/** The next refresh token lives its own span, but never past the end of its session. */
export function refreshTokenExpiry(now: Date, refreshTokenTtlMs: number, sessionExpiresAt: Date): Date {
  return new Date(Math.min(now.getTime() + refreshTokenTtlMs, sessionExpiresAt.getTime()));
}
