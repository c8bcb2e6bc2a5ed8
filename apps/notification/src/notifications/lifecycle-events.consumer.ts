import { EventTypes } from '@app/contracts';
import { CloudEventContext, EventConsumer } from '@app/messaging';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { NotificationRecorder } from './notification-recorder';

@EventConsumer()
export class LifecycleEventsConsumer {
  constructor(private readonly recorder: NotificationRecorder) {}

  @EventPattern([
    EventTypes.registered,
    EventTypes.routed,
    EventTypes.deadlineAssigned,
    EventTypes.deadlineWarning,
    EventTypes.escalated,
  ])
  lifecycle(@Ctx() context: CloudEventContext): Promise<number> {
    return this.recorder.record(context.getManager(), context.getEvent<{ appealId: string }>());
  }
}
