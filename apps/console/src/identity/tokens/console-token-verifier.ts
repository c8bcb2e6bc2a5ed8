import { AccessTokens } from '@app/contracts';
import { createLocalJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { InvalidCredentialsError } from '../../access/access-token-verifier';
import type { Principal } from '../../access/principal';
import type { StaffClaims, SystemClaims } from './access-token-issuer';
import type { CredentialStatus } from './credential-status';
import { SIGNING_ALGORITHMS, type SigningKeys } from './signing-keys';
import { tokenFailure } from './token-errors';

const REVOKED = 'the token is no longer valid';

function isStaffClaims(payload: object): payload is StaffClaims {
  return typeof (payload as StaffClaims).sid === 'string';
}

function isSystemClaims(payload: object): payload is SystemClaims {
  const claims = payload as SystemClaims;
  return typeof claims.source === 'string' && typeof claims.ver === 'number';
}

/** The console's own access tokens: signed by one of its keys, for the console, and still backed by a credential. */
export class ConsoleTokenVerifier {
  private readonly keySet: JWTVerifyGetKey;

  constructor(
    keys: SigningKeys,
    private readonly issuer: string,
    private readonly status: CredentialStatus,
  ) {
    this.keySet = createLocalJWKSet(keys.publicKeys);
  }

  async verify(token: string): Promise<Principal> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.keySet, {
        issuer: this.issuer,
        audience: AccessTokens.audiences.console,
        typ: AccessTokens.type,
        algorithms: SIGNING_ALGORITHMS,
        requiredClaims: ['sub', 'exp', 'iat'],
      }));
    } catch (error) {
      throw tokenFailure(error);
    }
    const subject = payload.sub as string;
    const principal = isStaffClaims(payload)
      ? await this.status.staffOfSession(payload.sid, subject)
      : isSystemClaims(payload)
        ? await this.status.systemOf(subject, payload.ver)
        : undefined;
    if (!principal) throw new InvalidCredentialsError(REVOKED);
    return principal;
  }
}
