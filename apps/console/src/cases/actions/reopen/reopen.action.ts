import { EventTypes, type AppealReopenedData } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { ActionContext, CaseActionHandler, PlannedEvent } from '../case-action';
import { CaseAction } from '../case-state-machine';

/**
 * The citizen rejected the answer (through the console when it came on paper, or their own voice); escalation
 * sends the case up, or gives the central reception a new term at the last level.
 */
@Injectable()
export class ReopenAction implements CaseActionHandler {
  readonly action = CaseAction.reopen;

  plan({ facts, actor, now }: ActionContext<unknown>): PlannedEvent {
    const data: AppealReopenedData = {
      appealId: facts.appealId,
      trackingNumber: facts.trackingNumber,
      reopenedBy: actor,
      reopenedAt: now.toISOString(),
    };
    return { type: EventTypes.reopened, data, detail: { responseId: facts.responseId } };
  }
}
