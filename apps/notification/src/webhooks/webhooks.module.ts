import { rateLimitProviders, systemAccessProviders } from '@app/service-kit';
import { Module } from '@nestjs/common';
import {
  NOTIFICATION_ACCESS_CONFIG,
  notificationAccessConfigFromEnv,
  type NotificationAccessConfig,
} from '../access/notification-access-config';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { WebhookDeliveries } from './deliveries/webhook-deliveries';
import { StandardWebhookSigner } from './standard-webhook-signer';
import { SubscriptionsController } from './subscriptions/subscriptions.controller';
import { WebhookSubscriptions } from './subscriptions/webhook-subscriptions';
import { WebhookAudience } from './webhook-audience';
import { WebhookChannel } from './webhook-channel';
import { WEBHOOK_CONFIG, webhookConfigFromEnv } from './webhook-config';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookHealth } from './webhook-health';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

/**
 * Webhooks for external systems: the subscription API (a system's token, its own subscriptions only), the
 * channel adapter that signs and POSTs, the failure count that disables, and the planner's audience.
 */
@Module({
  controllers: [SubscriptionsController, DeliveriesController],
  providers: [
    // Read when the module starts: a bad setting stops notification with a message naming the variable.
    { provide: NOTIFICATION_ACCESS_CONFIG, useFactory: () => notificationAccessConfigFromEnv() },
    { provide: WEBHOOK_CONFIG, useFactory: () => webhookConfigFromEnv() },
    ...systemAccessProviders((config: NotificationAccessConfig) => config, [NOTIFICATION_ACCESS_CONFIG]),
    ...rateLimitProviders(
      (config: NotificationAccessConfig) => config.rateLimits,
      [NOTIFICATION_ACCESS_CONFIG],
    ),
    StandardWebhookSigner,
    WebhookSubscriptionRepository,
    WebhookDeliveryRepository,
    WebhookSubscriptions,
    WebhookDeliveries,
    WebhookAudience,
    WebhookChannel,
    WebhookHealth,
  ],
  exports: [WebhookAudience, WebhookChannel, WebhookHealth],
})
export class WebhooksModule {}
