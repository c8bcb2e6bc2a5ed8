import { ServiceKitModule } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { LifecycleEventsConsumer } from './notifications/lifecycle-events.consumer';
import { NotificationRecorder } from './notifications/notification-recorder';
import { notificationDefinition } from './notification.definition';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({
  imports: [ServiceKitModule.forService(notificationDefinition), WebhooksModule],
  controllers: [LifecycleEventsConsumer],
  providers: [NotificationRecorder],
})
export class NotificationModule {}
