import { EventTypes, type EscalationRequestedData } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { ActionContext, CaseActionHandler, PlannedEvent } from '../case-action';
import { CaseAction } from '../case-state-machine';
import type { EscalateRequest } from './escalate.request';

/** The region's supervisor sends the case up now; escalation answers with `escalated` or `action-refused`. */
@Injectable()
export class EscalateAction implements CaseActionHandler<EscalateRequest> {
  readonly action = CaseAction.escalate;

  plan({ facts, actor, body, now }: ActionContext<EscalateRequest>): PlannedEvent {
    const data: EscalationRequestedData = {
      appealId: facts.appealId,
      trackingNumber: facts.trackingNumber,
      reason: body.reason,
      requestedBy: actor,
      requestedAt: now.toISOString(),
    };
    return { type: EventTypes.escalationRequested, data, detail: { level: facts.level } };
  }
}
