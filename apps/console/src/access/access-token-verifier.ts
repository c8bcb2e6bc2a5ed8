import { decodeJwt } from 'jose';
import type { Principal } from './principal';

/** Raised for a missing, malformed, expired or revoked token: the caller gets 401. */
export class InvalidCredentialsError extends Error {}

/**
 * Turns a bearer token into the caller. Implemented by the identity module (the console's own tokens, or an
 * OIDC provider's via its JWKS); the guard depends only on this.
 */
export abstract class AccessTokenVerifier {
  /** Throws {@link InvalidCredentialsError} when the token does not authenticate anyone. */
  abstract verify(token: string): Promise<Principal>;

  /** When a token {@link verify} accepted stops being valid: its `exp` (a long-lived stream ends then). */
  expiresAt(token: string): Date | undefined {
    try {
      const { exp } = decodeJwt(token);
      return exp === undefined ? undefined : new Date(exp * 1000);
    } catch {
      return undefined; // not a JWT: a test's verifier
    }
  }
}
