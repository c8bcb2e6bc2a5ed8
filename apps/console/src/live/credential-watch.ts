import { concatMap, filter, interval, merge, NEVER, take, timer, type Observable } from 'rxjs';
import { AccessTokenVerifier, InvalidCredentialsError } from '../access/access-token-verifier';
import type { Credential } from '../access/authorize.guard';
import { caseScopeOf, type CaseScope } from '../access/case-scope';

function sameScope(left: CaseScope, right: CaseScope): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * Emits once when a stream opened with `credential` must end: at the token's expiry, or at the first check
 * (every `checkEveryMs`) that finds the token no longer valid (a logout, a disabled account, a revoked system)
 * or the caller's scope changed (another role, organisation or region: what it was let in to see is gone).
 * A check that fails for another reason (the identity provider's keys out of reach) ends nothing.
 */
export function credentialEnd(
  verifier: AccessTokenVerifier,
  credential: Credential,
  scope: CaseScope,
  checkEveryMs: number,
): Observable<unknown> {
  const expiry = credential.expiresAt ? timer(credential.expiresAt) : NEVER;
  const lapsed = interval(checkEveryMs).pipe(
    concatMap(() => stillHolds(verifier, credential.token, scope)),
    filter((holds) => !holds),
  );
  return merge(expiry, lapsed).pipe(take(1));
}

async function stillHolds(verifier: AccessTokenVerifier, token: string, scope: CaseScope): Promise<boolean> {
  try {
    return sameScope(caseScopeOf(await verifier.verify(token)), scope);
  } catch (error) {
    return !(error instanceof InvalidCredentialsError);
  }
}
