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
 * `rotate`: spend it and hand out the next one. `reused`: it was spent before, so two parties hold it (one of
 * them a thief, and we cannot tell which): the whole family is revoked. The others: refuse, change nothing.
 */
export type RefreshDecision = 'rotate' | 'reused' | 'expired' | 'revoked' | 'unknown';

export function decideRefresh(record: RefreshTokenRecord | undefined, now: Date): RefreshDecision {
  if (!record) return 'unknown';
  if (record.sessionRevokedAt) return 'revoked';
  if (record.usedAt) return 'reused';
  if (record.expiresAt <= now || record.sessionExpiresAt <= now) return 'expired';
  return 'rotate';
}

/** The next refresh token lives its own span, but never past the end of its session. */
export function refreshTokenExpiry(now: Date, refreshTokenTtlMs: number, sessionExpiresAt: Date): Date {
  return new Date(Math.min(now.getTime() + refreshTokenTtlMs, sessionExpiresAt.getTime()));
}
