import { EventTypes, type AppealEscalatedData, type TransferRequestedData } from '@app/contracts';
import { CloudEventContext, EventConsumer } from '@app/messaging';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { AppealTransferrer, type HolderOutcome, type TransferResult } from './appeal-transferrer';

/** Holders declining appeals, and escalations that change who holds one (and so who may decline it). */
@EventConsumer()
export class TransfersConsumer {
  constructor(private readonly transferrer: AppealTransferrer) {}

  @EventPattern(EventTypes.transferRequested)
  transferRequested(@Ctx() context: CloudEventContext): Promise<TransferResult> {
    return this.transferrer.transfer(context.getManager(), context.getEvent<TransferRequestedData>());
  }

  @EventPattern(EventTypes.escalated)
  escalated(
    @Payload() escalated: AppealEscalatedData,
    @Ctx() context: CloudEventContext,
  ): Promise<HolderOutcome> {
    return this.transferrer.escalated(context.getManager(), escalated);
  }
}
