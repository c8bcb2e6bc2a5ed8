import { CloudEventContext, EventConsumer } from '@app/messaging';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { PROJECTED_TYPES } from './case-fold';
import { CaseProjector, type ProjectionOutcome } from './case-projector';

/** Every lifecycle event on appeals.events.v1 into the read model, in the consumer's transaction. */
@EventConsumer()
export class CaseProjection {
  constructor(private readonly projector: CaseProjector) {}

  @EventPattern([...PROJECTED_TYPES])
  project(@Ctx() context: CloudEventContext): Promise<ProjectionOutcome> {
    return this.projector.apply(context.getManager(), context.getEvent());
  }
}
