import { AccessTokens } from '@app/contracts';
import { Inject, Injectable, ServiceUnavailableException, UnauthorizedException } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { SYSTEM_ACCESS_CONFIG, type SystemAccessConfig } from './system-access-config';

/** The external system a bearer token stands for: its `source` is the CloudEvent source of its appeals. */
export interface ExternalSystem {
  kind: 'system';
  clientId: string;
  source: string;
}

/** Signed by the console, for this service, a system's (a staff token has no `source`), and not expired. */
const SIGNED_BY_CONSOLE = ['ES256', 'EdDSA'];
const SOURCE = /^[a-z][a-z0-9+.-]*:\S{1,200}$/i;

export function unauthenticated(message: string): UnauthorizedException {
  return new UnauthorizedException({
    statusCode: 401,
    error: 'Unauthorized',
    code: 'unauthenticated',
    message,
  });
}

/**
 * Verifies system tokens against the console's published keys, fetched once and cached (again when a token
 * names a key id not seen yet, so a rotated console key is picked up). A service cannot see a revocation: a
 * revoked system's token works here until it expires (CONSOLE_SYSTEM_TOKEN_TTL_MS, 5 minutes by default).
 */
@Injectable()
export class SystemTokens {
  private readonly keySet: JWTVerifyGetKey;

  constructor(@Inject(SYSTEM_ACCESS_CONFIG) private readonly config: SystemAccessConfig) {
    this.keySet = createRemoteJWKSet(config.jwksUrl, {
      timeoutDuration: 5_000,
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
    });
  }

  async verify(token: string): Promise<ExternalSystem> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keySet, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        typ: AccessTokens.type,
        algorithms: SIGNED_BY_CONSOLE,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw unauthenticated('the token has expired');
      if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout))
        throw unauthenticated('the token is invalid');
      // The console's keys cannot be fetched: an outage, answered 503 so the system retries.
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'identity-provider-unavailable',
        message:
          'the keys that verify this token cannot be fetched right now; retry (with the same Idempotency-Key, where the route takes one)',
      });
    }
    const source = payload[AccessTokens.sourceClaim];
    if (typeof source !== 'string' || !SOURCE.test(source))
      throw unauthenticated("the token is not an external system's token");
    return { kind: 'system', clientId: payload.sub as string, source };
  }
}
