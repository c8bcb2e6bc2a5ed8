import { ServiceKitModule } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { LifecycleEventsConsumer } from './notifications/lifecycle-events.consumer';
import { NotificationRecorder } from './notifications/notification-recorder';
import { notificationDefinition } from './notification.definition';

@Module({
  imports: [ServiceKitModule.forService(notificationDefinition)],
  controllers: [LifecycleEventsConsumer],
  providers: [NotificationRecorder],
})
export class NotificationModule {}
