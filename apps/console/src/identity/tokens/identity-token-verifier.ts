import { decodeJwt } from 'jose';
import { AccessTokenVerifier, InvalidCredentialsError } from '../../access/access-token-verifier';
import type { Principal } from '../../access/principal';
import type { OidcTokenVerifier } from '../oidc/oidc-token-verifier';
import type { ConsoleTokenVerifier } from './console-token-verifier';

/** The console's own tokens and, when configured, the OIDC provider's: each checked by its issuer's rules. */
export class IdentityTokenVerifier extends AccessTokenVerifier {
  constructor(
    private readonly ownIssuer: string,
    private readonly own: ConsoleTokenVerifier,
    private readonly oidc?: OidcTokenVerifier,
  ) {
    super();
  }

  async verify(token: string): Promise<Principal> {
    // Unverified, only to pick the verifier; the chosen one checks the issuer again with the signature.
    let issuer: string | undefined;
    try {
      issuer = decodeJwt(token).iss;
    } catch {
      throw new InvalidCredentialsError('the token is invalid');
    }
    if (issuer === this.ownIssuer) return this.own.verify(token);
    if (this.oidc && issuer === this.oidc.issuer) return this.oidc.verify(token);
    throw new InvalidCredentialsError('the token is invalid');
  }
}
