import { Module } from '@nestjs/common';
import { DeliveryFailureRepository } from './delivery-failure.repository';
import { DeliveryFailures } from './delivery-failures';
import { NotificationOutcomes } from './notification-outcomes.consumer';
import { NotificationsController } from './notifications.controller';
import { StaffInbox } from './staff-inbox';
import { StaffMessageRepository } from './staff-message.repository';

/** What notification tells the console: staff's in-app messages, and the deliveries it gave up on. */
@Module({
  controllers: [NotificationOutcomes, NotificationsController],
  providers: [StaffInbox, StaffMessageRepository, DeliveryFailures, DeliveryFailureRepository],
  exports: [StaffMessageRepository, DeliveryFailures],
})
export class NotificationsModule {}
