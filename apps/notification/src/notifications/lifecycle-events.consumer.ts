import { TYPED_LIFECYCLE_EVENT_TYPES } from '@app/contracts';
import { CloudEventContext, EventConsumer } from '@app/messaging';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { NotificationRecorder, type LifecycleData } from './notification-recorder';

/** Every published lifecycle type: citizens and staff hear of some, and external systems may subscribe to any. */
@EventConsumer()
export class LifecycleEventsConsumer {
  constructor(private readonly recorder: NotificationRecorder) {}

  @EventPattern([...TYPED_LIFECYCLE_EVENT_TYPES])
  lifecycle(@Ctx() context: CloudEventContext): Promise<void> {
    return this.recorder.record(context.getManager(), context.getEvent<LifecycleData>());
  }
}
