import type { SendOutcome } from '../channels/delivery-channel';
import { isGoneAnswer } from './receiver-answer';
import type { WebhookSubscriptionStatus } from './webhook-subscription.entity';

/** Why a subscription was disabled, as `disabled_reason` says it. */
export type DisableReason = 'failures' | 'gone';

/** What a failed attempt does to its subscription, given the run of failures it now has. */
export interface AfterFailure {
  /** Disable it now, for this reason. */
  disable?: DisableReason;
  /** Its pending deliveries wait, held, for a redelivery. */
  hold: boolean;
}

/**
 * A receiver that answered 410 Gone is disabled at once (it said so; retrying would only knock); otherwise
 * a run of `disableAfter` failed attempts disables. A subscription disabled already still holds what a
 * concurrent attempt put back to pending, so nothing is sent to it until it is redelivered.
 */
export function afterFailure(
  outcome: SendOutcome,
  run: { failures: number; status: WebhookSubscriptionStatus },
  disableAfter: number,
): AfterFailure {
  if (run.status === 'disabled') return { hold: true };
  if (outcome.status === 'rejected' && isGoneAnswer(outcome.providerAnswer))
    return { disable: 'gone', hold: true };
  if (run.failures >= disableAfter) return { disable: 'failures', hold: true };
  return { hold: false };
}
