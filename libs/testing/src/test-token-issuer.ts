import { AccessTokens } from '@app/contracts';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';

export interface StaffClaims {
  sub: string;
  role: 'operator' | 'supervisor' | 'central-reception' | 'admin';
  organizationId?: string;
  regionKato?: string;
}

/**
 * A tiny identity provider for tests and the bench: an ES256 key, its JWK Set served over real HTTP, and
 * tokens signed with it. Intake started with {@link intakeEnv} takes its system tokens as the console's (same
 * issuer, audience, `typ` and `source` claim), so a test can submit appeals without a console running; a console
 * started with {@link consoleOidcEnv} takes its staff tokens as an OIDC provider's.
 */
export class TestTokenIssuer {
  /** The `iss` of system tokens: the console's own by default, which intake expects. */
  readonly systemIssuer = AccessTokens.issuer;
  /** The `iss` and audience of staff (OIDC) tokens. */
  readonly oidcIssuer: string;
  readonly oidcAudience = 'appeal-routing-console';

  private constructor(
    private readonly server: Server,
    private readonly privateKey: CryptoKey,
    private readonly kid: string,
    readonly jwksUrl: string,
  ) {
    this.oidcIssuer = new URL('/', jwksUrl).toString();
  }

  /** On 127.0.0.1, at `port` (0: any free one). */
  static async start(port = 0): Promise<TestTokenIssuer> {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const kid = randomUUID();
    const jwks = JSON.stringify({
      keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } as JWK],
    });
    const server = createServer((request, response) => {
      const found = request.url === '/.well-known/jwks.json';
      response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
      response.end(found ? jwks : '{}');
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    const address = server.address() as AddressInfo;
    return new TestTokenIssuer(
      server,
      privateKey,
      kid,
      `http://127.0.0.1:${address.port}/.well-known/jwks.json`,
    );
  }

  /** What intake needs to take this issuer's system tokens. */
  intakeEnv(): { INTAKE_JWKS_URL: string; INTAKE_TOKEN_ISSUER: string } {
    return { INTAKE_JWKS_URL: this.jwksUrl, INTAKE_TOKEN_ISSUER: this.systemIssuer };
  }

  /** What notification needs to take this issuer's system tokens (its webhook subscription API). */
  notificationEnv(): { NOTIFICATION_JWKS_URL: string; NOTIFICATION_TOKEN_ISSUER: string } {
    return { NOTIFICATION_JWKS_URL: this.jwksUrl, NOTIFICATION_TOKEN_ISSUER: this.systemIssuer };
  }

  /** What the console needs to take this issuer's staff tokens as an OIDC provider's (default claim names). */
  consoleOidcEnv(): {
    CONSOLE_OIDC_ISSUER: string;
    CONSOLE_OIDC_JWKS_URL: string;
    CONSOLE_OIDC_AUDIENCE: string;
  } {
    return {
      CONSOLE_OIDC_ISSUER: this.oidcIssuer,
      CONSOLE_OIDC_JWKS_URL: this.jwksUrl,
      CONSOLE_OIDC_AUDIENCE: this.oidcAudience,
    };
  }

  /** An external system's token for intake's POST /api/v1/appeals and notification's webhooks, as the console issues it. */
  systemToken(
    source: string,
    options: { clientId?: string; expiresInSeconds?: number } = {},
  ): Promise<string> {
    const clientId = options.clientId ?? `test-${source}`;
    return this.sign(
      { [AccessTokens.sourceClaim]: source, client_id: clientId, ver: 1 },
      {
        subject: clientId,
        issuer: this.systemIssuer,
        audience: [
          AccessTokens.audiences.console,
          AccessTokens.audiences.intake,
          AccessTokens.audiences.notification,
        ],
        expiresInSeconds: options.expiresInSeconds ?? 300,
      },
    );
  }

  /** A member of staff's token as an OIDC provider would issue it, for a console set up with consoleOidcEnv(). */
  staffToken(staff: StaffClaims, options: { expiresInSeconds?: number } = {}): Promise<string> {
    return this.sign(
      {
        role: staff.role,
        ...(staff.organizationId ? { organization_id: staff.organizationId } : {}),
        ...(staff.regionKato ? { region_kato: staff.regionKato } : {}),
      },
      {
        subject: staff.sub,
        issuer: this.oidcIssuer,
        audience: this.oidcAudience,
        expiresInSeconds: options.expiresInSeconds ?? 900,
        type: 'at+jwt',
      },
    );
  }

  /** Any token of this issuer's key: for tests of what a verifier refuses. */
  async sign(
    claims: JWTPayload,
    options: {
      subject: string;
      issuer: string;
      audience: string | string[];
      expiresInSeconds: number;
      type?: string;
    },
  ): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: this.kid, typ: options.type ?? AccessTokens.type })
      .setSubject(options.subject)
      .setIssuer(options.issuer)
      .setAudience(options.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + options.expiresInSeconds)
      .setJti(randomUUID())
      .sign(this.privateKey);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
