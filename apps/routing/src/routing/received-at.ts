import type { AppealRegisteredData } from '@app/contracts';

/**
 * When the appeal counts as received, carried on to `routed` so that escalation starts the legal term from
 * it. A `registered` written before intake stated `receivedAt` was received when it was submitted, or else
 * when it was registered (the rule by which intake's migration filled in its own older appeals).
 */
export function receivedAtOf(
  registered: Pick<AppealRegisteredData, 'receivedAt' | 'submittedAt' | 'registeredAt'>,
): string {
  return registered.receivedAt ?? registered.submittedAt ?? registered.registeredAt;
}
