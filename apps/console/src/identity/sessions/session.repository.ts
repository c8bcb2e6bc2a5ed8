import type { Language } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { StaffPrincipal, StaffRole } from '../../access/principal';
import type { RefreshTokenRecord } from './refresh-decision';

interface RefreshRow {
  session_id: string;
  user_id: string;
  expires_at: Date;
  used_at: Date | null;
  session_expires_at: Date;
  session_revoked_at: Date | null;
}

/** Every query on console.staff_session and console.refresh_token. Tokens are looked up by their SHA-256. */
@Injectable()
export class SessionRepository {
  async create(
    manager: EntityManager,
    session: { id: string; userId: string; expiresAt: Date },
  ): Promise<void> {
    await manager.query(`INSERT INTO console.staff_session (id, user_id, expires_at) VALUES ($1, $2, $3)`, [
      session.id,
      session.userId,
      session.expiresAt,
    ]);
  }

  async addRefreshToken(
    manager: EntityManager,
    token: { digest: Buffer; sessionId: string; expiresAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO console.refresh_token (token_sha256, session_id, expires_at) VALUES ($1, $2, $3)`,
      [token.digest, token.sessionId, token.expiresAt],
    );
  }

  /** Locks the token's row, so that two refreshes with one token cannot both rotate it. */
  async refreshTokenForUpdate(
    manager: EntityManager,
    digest: Buffer,
  ): Promise<RefreshTokenRecord | undefined> {
    const rows: RefreshRow[] = await manager.query(
      `SELECT t.session_id, s.user_id, t.expires_at, t.used_at, s.expires_at AS session_expires_at,
              s.revoked_at AS session_revoked_at
       FROM console.refresh_token t JOIN console.staff_session s ON s.id = t.session_id
       WHERE t.token_sha256 = $1 FOR UPDATE OF t`,
      [digest],
    );
    const row = rows[0];
    return (
      row && {
        sessionId: row.session_id,
        userId: row.user_id,
        expiresAt: row.expires_at,
        usedAt: row.used_at,
        sessionExpiresAt: row.session_expires_at,
        sessionRevokedAt: row.session_revoked_at,
      }
    );
  }

  async markUsed(manager: EntityManager, digest: Buffer, at: Date): Promise<void> {
    await manager.query(`UPDATE console.refresh_token SET used_at = $2 WHERE token_sha256 = $1`, [
      digest,
      at,
    ]);
  }

  async revoke(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE console.staff_session SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason],
    );
  }

  async revokeAllOf(manager: EntityManager, userId: string, reason: string): Promise<void> {
    await manager.query(
      `UPDATE console.staff_session SET revoked_at = now(), revoked_reason = $2
       WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId, reason],
    );
  }

  /** The account behind a live session, as it is now; undefined once logged out, expired or disabled. */
  async staffOf(
    manager: EntityManager,
    sessionId: string,
    userId: string,
  ): Promise<StaffPrincipal | undefined> {
    const rows: Array<{
      role: StaffRole;
      organization_id: string | null;
      region_kato: string | null;
      language: Language;
    }> = await manager.query(
      `SELECT u.role, u.organization_id, u.region_kato, u.language
         FROM console.staff_session s JOIN console.staff_user u ON u.id = s.user_id
         WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT u.disabled`,
      [sessionId, userId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      kind: 'staff',
      userId,
      role: row.role,
      ...(row.organization_id ? { organizationId: row.organization_id } : {}),
      ...(row.region_kato ? { regionKato: row.region_kato } : {}),
      language: row.language,
    };
  }
}
