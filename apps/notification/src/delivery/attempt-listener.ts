import type { NotificationFailure } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import type { SendOutcome } from '../channels/delivery-channel';
import type { Notification } from '../notifications/notification.entity';

/** What the dispatcher decided after an attempt: try again at `nextAttemptAt`, or it is over. */
export type AttemptVerdict =
  { kind: 'sent' } | { kind: 'retry'; nextAttemptAt: Date } | { kind: 'failed'; reason: NotificationFailure };

/**
 * Told about every attempt, inside the transaction that records it (e.g. webhooks count a subscription's run of
 * failures and disable it). Registered with {@link ATTEMPT_LISTENERS}.
 */
export interface AttemptListener {
  afterAttempt(
    manager: EntityManager,
    notification: Notification,
    outcome: SendOutcome,
    verdict: AttemptVerdict,
  ): Promise<void>;
}

export const ATTEMPT_LISTENERS = Symbol('ATTEMPT_LISTENERS');
