import { isTypedEventType, LIFECYCLE_EVENT_TYPES } from '@app/contracts';
import { CloudEventContext, EventConsumer } from '@app/messaging';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { NotificationRecorder, type LifecycleData } from './notification-recorder';

/**
 * Every lifecycle type with a payload contract: citizens and staff hear of some, and external systems may
 * subscribe to any (`closed` has no contract and no publisher yet).
 */
const HEARD_TYPES = LIFECYCLE_EVENT_TYPES.filter(isTypedEventType);

@EventConsumer()
export class LifecycleEventsConsumer {
  constructor(private readonly recorder: NotificationRecorder) {}

  @EventPattern(HEARD_TYPES)
  lifecycle(@Ctx() context: CloudEventContext): Promise<number> {
    return this.recorder.record(context.getManager(), context.getEvent<LifecycleData>());
  }
}
