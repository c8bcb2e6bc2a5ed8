import { AppealRoutedData, EventTypes } from '@app/contracts';
import { CloudEventContext } from '@app/messaging';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { DeadlineAssigner, type AssignOutcome } from './deadline-assigner';

@Controller()
export class RoutedAppealsConsumer {
  constructor(private readonly assigner: DeadlineAssigner) {}

  @EventPattern(EventTypes.routed)
  routed(@Payload() routed: AppealRoutedData, @Ctx() context: CloudEventContext): Promise<AssignOutcome> {
    return this.assigner.assign(context.getManager(), routed, new Date(routed.routedAt));
  }
}
