import { ServiceKitModule } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { ChannelRegistry } from './channels/channel-registry';
import { ChannelsModule } from './channels/channels.module';
import { DELIVERY_CHANNELS, type DeliveryChannel } from './channels/delivery-channel';
import { HttpSmsGatewayChannel } from './channels/http-sms-gateway-channel';
import { InAppChannel } from './channels/in-app-channel';
import { SmtpEmailChannel } from './channels/smtp-email-channel';
import { ATTEMPT_LISTENERS, type AttemptListener } from './delivery/attempt-listener';
import { DeliveryDispatcher } from './delivery/delivery-dispatcher';
import { DeliveryGauges } from './delivery/delivery-metrics';
import { DELIVERY_SETTINGS, deliverySettingsFromEnv } from './delivery/delivery-settings';
import { DeliveryStore } from './delivery/delivery-store';
import { citizenLinkSettingsFromEnv, PortalLinks } from './notifications/citizen-links';
import { LifecycleEventsConsumer } from './notifications/lifecycle-events.consumer';
import { NotificationPlanner } from './notifications/notification-plan';
import { NotificationRecorder } from './notifications/notification-recorder';
import { notificationDefinition } from './notification.definition';
import { MessageRenderer } from './templates/message-renderer';
import { WebhookChannel } from './webhooks/webhook-channel';
import { WebhookHealth } from './webhooks/webhook-health';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [ServiceKitModule.forService(notificationDefinition), ChannelsModule, WebhooksModule],
  controllers: [LifecycleEventsConsumer],
  providers: [
    // Read when the module starts: a bad setting stops notification with a message naming the variable.
    { provide: DELIVERY_SETTINGS, useFactory: () => deliverySettingsFromEnv() },
    {
      provide: NotificationPlanner,
      useFactory: () => new NotificationPlanner(new PortalLinks(citizenLinkSettingsFromEnv())),
    },
    {
      provide: DELIVERY_CHANNELS,
      useFactory: (...adapters: DeliveryChannel[]) => adapters,
      inject: [SmtpEmailChannel, HttpSmsGatewayChannel, InAppChannel, WebhookChannel],
    },
    {
      provide: ATTEMPT_LISTENERS,
      useFactory: (...listeners: AttemptListener[]) => listeners,
      inject: [WebhookHealth],
    },
    ChannelRegistry,
    MessageRenderer,
    NotificationRecorder,
    DeliveryStore,
    DeliveryDispatcher,
    DeliveryGauges,
  ],
})
export class NotificationModule {}
