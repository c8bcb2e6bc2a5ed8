import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../access/principal';
import { AuditLog } from '../../audit/audit-log';
import { unauthorized } from '../../access/authorize.guard';
import { IDENTITY_CONFIG, type IdentityConfig } from '../identity-config';
import { LoginThrottle, LoginThrottledException } from '../login-throttle/login-throttle';
import { PasswordHasher } from '../passwords/password-hasher';
import { digestOf, newSecret } from '../secrets';
import { AccessTokenIssuer } from '../tokens/access-token-issuer';
import { normalizeUsername, USERNAME_PATTERN } from '../users/staff-account-rules';
import { StaffUserRepository, type StaffUser } from '../users/staff-user.repository';
import { decideRefresh, refreshTokenExpiry } from './refresh-decision';
import { SessionRepository } from './session.repository';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token is valid. */
  expiresIn: number;
  tokenType: 'Bearer';
}

/** Where a request came from, for the audit log of failed attempts. */
export interface RequestOrigin {
  address: string;
}

/** The same words for an unknown username, a wrong password and a disabled account. */
const WRONG_LOGIN = 'wrong username or password';
const REFRESH_REFUSED = 'the refresh token is invalid, expired or revoked';

/** Logins, their refreshes and logouts: a session per login, its refresh tokens rotated on every use. */
@Injectable()
export class StaffSessions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: StaffUserRepository,
    private readonly sessions: SessionRepository,
    private readonly passwords: PasswordHasher,
    private readonly tokens: AccessTokenIssuer,
    private readonly audit: AuditLog,
    private readonly throttle: LoginThrottle,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /**
   * A blocked username is refused before its password is looked at, with the same 429 whether an account has
   * it or not; a failure counts against it, a success clears its count.
   */
  async login(username: string, password: string, origin: RequestOrigin): Promise<TokenPair> {
    const name = normalizeUsername(username);
    const wellFormed = USERNAME_PATTERN.test(name);
    const anonymous = { kind: 'anonymous' as const, id: origin.address };
    const wait = wellFormed ? await this.throttle.retryAfterSeconds(name) : 0;
    if (wait > 0) {
      await this.audit.record(this.dataSource.manager, anonymous, [
        { action: 'login.throttled', outcome: 'refused', detail: { retryAfterSeconds: wait } },
      ]);
      throw new LoginThrottledException(wait);
    }
    const account = wellFormed ? await this.users.withPassword(this.dataSource.manager, name) : undefined;
    // Compared whether or not the account exists or may log in: the answer and its timing are the same.
    const matches = account
      ? await this.passwords.verify(password, account.passwordHash)
      : await this.passwords.verifyNobody(password);
    if (!account || !matches || account.disabled) {
      const reason = !account ? 'unknown-username' : !matches ? 'wrong-password' : 'account-disabled';
      const blockedSeconds = wellFormed ? await this.throttle.failed(name) : 0;
      await this.audit.record(this.dataSource.manager, anonymous, [
        { action: 'login.failed', outcome: 'refused', detail: { reason, userId: account?.id ?? null } },
        ...(blockedSeconds > 0
          ? [
              {
                action: 'login.blocked',
                outcome: 'refused' as const,
                detail: { userId: account?.id ?? null, blockedSeconds },
              },
            ]
          : []),
      ]);
      throw unauthorized('invalid-credentials', WRONG_LOGIN);
    }
    const rehash = this.passwords.needsRehash(account.passwordHash)
      ? await this.passwords.hash(password)
      : undefined;
    return this.dataSource.transaction(async (manager) => {
      if (rehash) await this.users.update(manager, account.id, { passwordHash: rehash });
      await this.throttle.succeeded(manager, name);
      const sessionId = randomUUID();
      const sessionExpiresAt = new Date(Date.now() + this.config.sessionMaxMs);
      await this.sessions.create(manager, { id: sessionId, userId: account.id, expiresAt: sessionExpiresAt });
      await this.audit.record(manager, staffActor(account), [
        { action: 'login', detail: { sessionId, address: origin.address } },
      ]);
      return this.issue(manager, account, sessionId, sessionExpiresAt);
    });
  }

  /** Spends the refresh token for a new pair; a spent one presented again revokes its whole session. */
  async refresh(refreshToken: string, origin: RequestOrigin): Promise<TokenPair> {
    const digest = digestOf(refreshToken);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const record = await this.sessions.refreshTokenForUpdate(manager, digest);
      // One clock for marking a token spent and for the grace window that reads the mark: the service's.
      const now = new Date();
      const decision = decideRefresh(record, now);
      if (!record || decision !== 'rotate') {
        if (record && decision === 'reused') {
          await this.sessions.revoke(manager, record.sessionId, 'refresh-token-reused');
          await this.audit.record(manager, { kind: 'anonymous', id: origin.address }, [
            {
              action: 'session.revoked',
              outcome: 'refused',
              detail: { reason: 'refresh-token-reused', sessionId: record.sessionId, userId: record.userId },
            },
          ]);
        }
        return undefined;
      }
      const account = await this.users.byId(manager, record.userId);
      await this.sessions.markUsed(manager, digest, now);
      if (!account || account.disabled) {
        await this.sessions.revoke(manager, record.sessionId, 'account-disabled');
        return undefined;
      }
      return this.issue(manager, account, record.sessionId, record.sessionExpiresAt);
    });
    if (!outcome) throw unauthorized('invalid-token', REFRESH_REFUSED);
    return outcome;
  }

  /** Ends the session the access token belongs to: its refresh tokens and access tokens stop working. */
  async logout(caller: StaffPrincipal, sessionId: string | undefined): Promise<void> {
    if (!sessionId) return; // an OIDC provider's token: the provider ends that session
    await this.dataSource.transaction(async (manager) => {
      await this.sessions.revoke(manager, sessionId, 'logout');
      await this.audit.record(manager, caller, [{ action: 'logout', detail: { sessionId } }]);
    });
  }

  private async issue(
    manager: EntityManager,
    account: StaffUser,
    sessionId: string,
    sessionExpiresAt: Date,
  ): Promise<TokenPair> {
    const refreshToken = newSecret();
    await this.sessions.addRefreshToken(manager, {
      digest: digestOf(refreshToken),
      sessionId,
      expiresAt: refreshTokenExpiry(new Date(), this.config.refreshTokenTtlMs, sessionExpiresAt),
    });
    const access = await this.tokens.staffToken({
      userId: account.id,
      role: account.role,
      organizationId: account.organizationId,
      regionKato: account.regionKato,
      sessionId,
    });
    return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn, tokenType: 'Bearer' };
  }
}

function staffActor(account: StaffUser): StaffPrincipal {
  return { kind: 'staff', userId: account.id, role: account.role };
}
