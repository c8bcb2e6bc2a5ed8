import { EventTypes } from '@app/contracts';
import { CloudEventContext } from '@app/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { NotificationRecorder } from './notification-recorder';

@Controller()
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
