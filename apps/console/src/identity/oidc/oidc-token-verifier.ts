import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { InvalidCredentialsError } from '../../access/access-token-verifier';
import type { StaffPrincipal } from '../../access/principal';
import type { OidcConfig } from '../identity-config';
import { tokenFailure } from '../tokens/token-errors';
import { staffPrincipalFromClaims } from './oidc-claims';

/** Algorithms a provider may sign with; never `none` nor a shared-secret HMAC. */
const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'EdDSA'];

/**
 * For a provider whose access tokens carry no `typ` of their own: an ID token has a `nonce` when the login
 * sent one (the console's clients do), and the provider's `azp` / `token_use` tell the rest where configured.
 */
function refuseIdToken(payload: JWTPayload, config: OidcConfig): void {
  const notAccessToken =
    payload.nonce !== undefined ||
    (config.authorizedParty !== undefined && payload.azp !== config.authorizedParty) ||
    (config.tokenUse !== undefined && payload.token_use !== config.tokenUse);
  if (notAccessToken) throw new InvalidCredentialsError('the token is not an access token');
}

/**
 * Access tokens of the organisation's identity provider, checked against its published keys (fetched on
 * first use, cached, fetched again when a token names a key id not seen yet: the provider's key rotation).
 */
export class OidcTokenVerifier {
  private readonly keySet: JWTVerifyGetKey;

  constructor(private readonly config: OidcConfig) {
    this.keySet = createRemoteJWKSet(new URL(config.jwksUrl), {
      timeoutDuration: 5_000,
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
    });
  }

  get issuer(): string {
    return this.config.issuer;
  }

  async verify(token: string): Promise<StaffPrincipal> {
    try {
      const { payload } = await jwtVerify(token, this.keySet, {
        issuer: this.config.issuer,
        audience: this.config.audience,
        algorithms: ASYMMETRIC,
        requiredClaims: ['sub', 'exp'],
        ...(this.config.accessTokenType ? { typ: 'at+jwt' } : {}),
      });
      if (!this.config.accessTokenType) refuseIdToken(payload, this.config);
      return staffPrincipalFromClaims(payload, this.config.claims);
    } catch (error) {
      throw tokenFailure(error);
    }
  }
}
