import { AccessTokens } from '@app/contracts';
import { SignJWT, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../../access/principal';
import type { SigningKeys } from './signing-keys';

/** What a token says about a member of staff: informative; the console reads the account again on use. */
export interface StaffTokenSubject {
  userId: string;
  role: StaffRole;
  organizationId: string | null;
  regionKato: string | null;
  sessionId: string;
}

export interface SystemTokenSubject {
  clientId: string;
  source: string;
  /** Rotating the secret bumps it: tokens got with the old secret stop working at the console at once. */
  secretVersion: number;
}

export interface IssuedAccessToken {
  token: string;
  /** Seconds. */
  expiresIn: number;
}

/** Claims of the console's staff tokens besides the registered ones. */
export interface StaffClaims extends JWTPayload {
  role: StaffRole;
  org?: string;
  region?: string;
  sid: string;
}

/** Claims of the console's system tokens besides the registered ones. */
export interface SystemClaims extends JWTPayload {
  client_id: string;
  source: string;
  ver: number;
}

/** Signs access tokens: staff ones for the console, system ones for the console and intake. */
export class AccessTokenIssuer {
  constructor(
    private readonly keys: SigningKeys,
    private readonly settings: { issuer: string; accessTokenTtlMs: number; systemTokenTtlMs: number },
  ) {}

  staffToken(subject: StaffTokenSubject, now = new Date()): Promise<IssuedAccessToken> {
    const claims: StaffClaims = {
      role: subject.role,
      sid: subject.sessionId,
      ...(subject.organizationId ? { org: subject.organizationId } : {}),
      ...(subject.regionKato ? { region: subject.regionKato } : {}),
    };
    return this.sign(
      claims,
      subject.userId,
      AccessTokens.audiences.console,
      this.settings.accessTokenTtlMs,
      now,
    );
  }

  systemToken(subject: SystemTokenSubject, now = new Date()): Promise<IssuedAccessToken> {
    const claims: SystemClaims = {
      client_id: subject.clientId,
      [AccessTokens.sourceClaim]: subject.source,
      ver: subject.secretVersion,
    };
    return this.sign(
      claims,
      subject.clientId,
      [AccessTokens.audiences.console, AccessTokens.audiences.intake, AccessTokens.audiences.notification],
      this.settings.systemTokenTtlMs,
      now,
    );
  }

  private async sign(
    claims: JWTPayload,
    subject: string,
    audience: string | string[],
    ttlMs: number,
    now: Date,
  ): Promise<IssuedAccessToken> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    const expiresIn = Math.floor(ttlMs / 1000);
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: this.keys.alg, kid: this.keys.kid, typ: AccessTokens.type })
      .setIssuer(this.settings.issuer)
      .setSubject(subject)
      .setAudience(audience)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + expiresIn)
      .setJti(randomUUID())
      .sign(this.keys.privateKey);
    return { token, expiresIn };
  }
}
