import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SendOutcome } from '../channels/delivery-channel';
import type { AttemptListener, AttemptVerdict } from '../delivery/attempt-listener';
import type { Notification } from '../notifications/notification.entity';
import { afterFailure } from './subscription-health';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WEBHOOK_CONFIG, type WebhookConfig } from './webhook-config';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

/**
 * Counts each subscription's run of failed attempts, in the transaction that records the attempt: a delivery
 * resets it; at NOTIFICATION_WEBHOOK_DISABLE_AFTER failures in a row (or a 410 Gone) the subscription is
 * disabled and its pending deliveries are held, to be sent again when the system asks for a redelivery.
 */
@Injectable()
export class WebhookHealth implements AttemptListener {
  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    @Inject(WEBHOOK_CONFIG) private readonly config: WebhookConfig,
  ) {}

  async afterAttempt(
    manager: EntityManager,
    notification: Notification,
    outcome: SendOutcome,
    verdict: AttemptVerdict,
  ): Promise<void> {
    if (notification.channel !== 'webhook') return;
    const id = notification.recipient;
    if (verdict.kind === 'sent') return this.subscriptions.resetFailures(manager, id);
    const run = await this.subscriptions.countFailure(manager, id);
    if (!run) return; // deleted meanwhile
    const next = afterFailure(outcome, run, this.config.disableAfter);
    if (next.disable) await this.subscriptions.disable(manager, id, next.disable);
    if (next.hold) await this.deliveries.holdPending(manager, id);
  }
}
