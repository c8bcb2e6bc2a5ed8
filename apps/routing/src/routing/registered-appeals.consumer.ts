import { AppealRegisteredData, EventTypes } from '@app/contracts';
import { CloudEventContext, EventConsumer } from '@app/messaging';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { AppealRouter, type RoutingOutcome } from './appeal-router';

@EventConsumer()
export class RegisteredAppealsConsumer {
  constructor(private readonly router: AppealRouter) {}

  @EventPattern(EventTypes.registered)
  registered(@Ctx() context: CloudEventContext): Promise<RoutingOutcome> {
    return this.router.route(context.getManager(), context.getEvent<AppealRegisteredData>());
  }
}
