import type { StaffPrincipal, SystemPrincipal } from '../../access/principal';

/**
 * Whether the credential behind a well-signed token still holds, asked on every request: a logout, a
 * disabled account, a revoked or rotated system credential stop its tokens at once.
 */
export abstract class CredentialStatus {
  /** The member of staff of a live session, as the account is now (role changes apply at once). */
  abstract staffOfSession(sessionId: string, userId: string): Promise<StaffPrincipal | undefined>;
  /** The system whose credential is live and still at this secret version. */
  abstract systemOf(clientId: string, secretVersion: number): Promise<SystemPrincipal | undefined>;
}
