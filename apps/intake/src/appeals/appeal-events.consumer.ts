import { EventTypes, type SubmittedAppealData } from '@app/contracts';
import { CloudEventContext, EventConsumer, idempotencyConflict, InvalidMessageError } from '@app/messaging';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AppealRegistrar, type Registration } from './appeal-registrar';
import { PUBLIC_TIMELINE_EVENT_TYPES, type LifecycleData } from './public-timeline';
import { TimelineRecorder } from './timeline-recorder';

@EventConsumer()
export class AppealEventsConsumer {
  constructor(
    private readonly registrar: AppealRegistrar,
    private readonly timeline: TimelineRecorder,
  ) {}

  @EventPattern(EventTypes.submitted)
  async submitted(
    @Payload() data: SubmittedAppealData,
    @Ctx() context: CloudEventContext,
  ): Promise<Registration> {
    const event = context.getEvent();
    // Receipt is when the message reached Kafka, not when this consumer got to it: lag or an outage must not
    // shorten the citizen's term (the registrar bounds what a producer may claim).
    const arrivedAt = context.getRecord().timestamp;
    const registration = await this.registrar.registerIn(context.getManager(), {
      source: event.source,
      sourceEventId: event.id,
      data,
      arrivedAt,
    });
    if (registration.outcome === 'refused') {
      throw new InvalidMessageError(
        'invalid-data',
        `submittedAt of ${event.type} lies outside what intake accepts`,
        registration.fieldErrors.map((error) => ({ ...error, field: `data.${error.field}` })),
      );
    }
    // The consumer's inbox refuses such an event first; this holds even for a key whose inbox row is gone.
    if (registration.outcome === 'conflict') throw idempotencyConflict();
    return registration;
  }

  @EventPattern(PUBLIC_TIMELINE_EVENT_TYPES)
  lifecycle(@Ctx() context: CloudEventContext): Promise<void> {
    return this.timeline.record(context.getManager(), context.getEvent<LifecycleData>());
  }
}
