import { EventTypes, type TakenUnderControlData } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { ActionContext, CaseActionHandler, PlannedEvent } from '../case-action';
import { CaseAction } from '../case-state-machine';
import { holdingBody } from '../holding-body';
import type { TakeUnderControlRequest } from './take-under-control.request';

/** A member of the central reception follows a case at its level until it is answered; the deadline stays. */
@Injectable()
export class TakeUnderControlAction implements CaseActionHandler<TakeUnderControlRequest> {
  readonly action = CaseAction.takeUnderControl;

  plan({ facts, actor, body, now }: ActionContext<TakeUnderControlRequest>): PlannedEvent {
    const data: TakenUnderControlData = {
      appealId: facts.appealId,
      trackingNumber: facts.trackingNumber,
      organizationId: holdingBody(facts),
      note: body.note,
      takenBy: actor,
      takenAt: now.toISOString(),
    };
    return { type: EventTypes.takenUnderControl, data };
  }
}
