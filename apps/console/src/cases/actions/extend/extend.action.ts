import { EventTypes, type DeadlineExtendedData } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { ActionContext, CaseActionHandler, PlannedEvent } from '../case-action';
import { CaseAction, type ActionParameters } from '../case-state-machine';
import { holdingBody } from '../holding-body';
import type { ExtendRequest } from './extend.request';

/**
 * The holder extends its deadline. Escalation moves the clock (deadline-assigned) or refuses with
 * action-refused; the case's deadline changes only then.
 */
@Injectable()
export class ExtendAction implements CaseActionHandler<ExtendRequest> {
  readonly action = CaseAction.extend;

  parameters(body: ExtendRequest): ActionParameters {
    return { action: CaseAction.extend, dueAt: new Date(body.dueAt) };
  }

  plan({ facts, actor, body, now }: ActionContext<ExtendRequest>): PlannedEvent {
    const dueAt = new Date(body.dueAt).toISOString();
    const data: DeadlineExtendedData = {
      appealId: facts.appealId,
      trackingNumber: facts.trackingNumber,
      organizationId: holdingBody(facts),
      dueAt,
      reason: body.reason,
      decidedBy: actor,
      decidedAt: now.toISOString(),
    };
    return { type: EventTypes.deadlineExtended, data, detail: { dueAt } };
  }
}
