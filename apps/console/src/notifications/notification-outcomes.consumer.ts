import {
  NotificationEventTypes,
  type NotificationFailedData,
  type NotificationSentData,
} from '@app/contracts';
import { CloudEventContext, EventConsumer } from '@app/messaging';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { DeliveryFailures, type FailureReceipt } from './delivery-failures';
import { StaffInbox } from './staff-inbox';

/** notifications.events.v1 into the console: staff's in-app messages, and failures onto their cases. */
@EventConsumer()
export class NotificationOutcomes {
  constructor(
    private readonly inbox: StaffInbox,
    private readonly failures: DeliveryFailures,
  ) {}

  @EventPattern(NotificationEventTypes.sent)
  sent(@Ctx() context: CloudEventContext): Promise<void> {
    return this.inbox.receive(context.getManager(), context.getEvent<NotificationSentData>());
  }

  @EventPattern(NotificationEventTypes.failed)
  failed(@Ctx() context: CloudEventContext): Promise<FailureReceipt> {
    return this.failures.record(context.getManager(), context.getEvent<NotificationFailedData>());
  }
}
