import { AppealRoutedData, EventTypes } from '@app/contracts';
import { CloudEventContext, EventConsumer } from '@app/messaging';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DeadlineAssigner, type AssignOutcome } from './deadline-assigner';

@EventConsumer()
export class RoutedAppealsConsumer {
  constructor(private readonly assigner: DeadlineAssigner) {}

  @EventPattern(EventTypes.routed)
  routed(@Payload() routed: AppealRoutedData, @Ctx() context: CloudEventContext): Promise<AssignOutcome> {
    return this.assigner.assign(context.getManager(), routed, new Date(routed.routedAt));
  }
}
