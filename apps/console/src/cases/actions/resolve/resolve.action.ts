import { EventTypes, type AppealResolvedData } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { ActionContext, CaseActionHandler, PlannedEvent } from '../case-action';
import { CaseAction } from '../case-state-machine';
import { holdingBody } from '../holding-body';

/** An answered case is settled: the citizen accepted the answer, or staff closed it. */
@Injectable()
export class ResolveAction implements CaseActionHandler {
  readonly action = CaseAction.resolve;

  plan({ facts, actor, now }: ActionContext<unknown>): PlannedEvent {
    const data: AppealResolvedData = {
      appealId: facts.appealId,
      trackingNumber: facts.trackingNumber,
      organizationId: holdingBody(facts),
      resolvedBy: actor,
      resolvedAt: now.toISOString(),
    };
    return { type: EventTypes.resolved, data };
  }
}
