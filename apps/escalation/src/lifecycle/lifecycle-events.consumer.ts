import {
  EventTypes,
  type AppealReopenedData,
  type AppealRespondedData,
  type AppealResolvedData,
  type AppealRoutedData,
  type AppealTransferredData,
  type DeadlineExtendedData,
  type EscalationRequestedData,
} from '@app/contracts';
import { CloudEventContext, EventConsumer } from '@app/messaging';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ClockKeeper, type KeeperOutcome } from './clock-keeper';

/** The lifecycle events that start, stop, move or escalate an appeal's clock. */
@EventConsumer()
export class LifecycleEventsConsumer {
  constructor(private readonly keeper: ClockKeeper) {}

  @EventPattern(EventTypes.routed)
  routed(@Ctx() context: CloudEventContext): Promise<KeeperOutcome> {
    return this.keeper.routed(context.getManager(), context.getEvent<AppealRoutedData>());
  }

  @EventPattern(EventTypes.responded)
  responded(@Ctx() context: CloudEventContext): Promise<KeeperOutcome> {
    return this.keeper.responded(context.getManager(), context.getEvent<AppealRespondedData>());
  }

  @EventPattern(EventTypes.resolved)
  resolved(@Ctx() context: CloudEventContext): Promise<KeeperOutcome> {
    return this.keeper.resolved(context.getManager(), context.getEvent<AppealResolvedData>());
  }

  @EventPattern(EventTypes.reopened)
  reopened(@Ctx() context: CloudEventContext): Promise<KeeperOutcome> {
    return this.keeper.reopened(context.getManager(), context.getEvent<AppealReopenedData>());
  }

  @EventPattern(EventTypes.transferred)
  transferred(@Ctx() context: CloudEventContext): Promise<KeeperOutcome> {
    return this.keeper.transferred(context.getManager(), context.getEvent<AppealTransferredData>());
  }

  @EventPattern(EventTypes.deadlineExtended)
  extended(@Ctx() context: CloudEventContext): Promise<KeeperOutcome> {
    return this.keeper.extended(context.getManager(), context.getEvent<DeadlineExtendedData>());
  }

  @EventPattern(EventTypes.escalationRequested)
  escalationRequested(@Ctx() context: CloudEventContext): Promise<KeeperOutcome> {
    return this.keeper.escalationRequested(context.getManager(), context.getEvent<EscalationRequestedData>());
  }
}
