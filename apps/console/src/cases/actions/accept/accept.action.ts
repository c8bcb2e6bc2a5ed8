import { EventTypes, type AppealAcceptedData } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { ActionContext, CaseActionHandler, PlannedEvent } from '../case-action';
import { CaseAction } from '../case-state-machine';
import { holdingBody } from '../holding-body';

/** The holder's operator takes a new case into work. */
@Injectable()
export class AcceptAction implements CaseActionHandler {
  readonly action = CaseAction.accept;

  plan({ facts, actor, now }: ActionContext<unknown>): PlannedEvent {
    const data: AppealAcceptedData = {
      appealId: facts.appealId,
      trackingNumber: facts.trackingNumber,
      organizationId: holdingBody(facts),
      acceptedBy: actor,
      acceptedAt: now.toISOString(),
    };
    return { type: EventTypes.accepted, data };
  }
}
