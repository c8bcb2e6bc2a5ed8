import { EventTypes, type TransferRequestedData } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { ActionContext, CaseActionHandler, PlannedEvent } from '../case-action';
import { CaseAction, type ActionParameters } from '../case-state-machine';
import { holdingBody } from '../holding-body';
import type { TransferRequest } from './transfer.request';

/** The first-level holder declines the case; routing chooses where it goes and publishes `transferred`. */
@Injectable()
export class TransferAction implements CaseActionHandler<TransferRequest> {
  readonly action = CaseAction.transfer;

  parameters(body: TransferRequest): ActionParameters {
    return { action: CaseAction.transfer, suggestedOrganizationId: body.suggestedOrganizationId };
  }

  plan({ facts, actor, body, now }: ActionContext<TransferRequest>): PlannedEvent {
    const data: TransferRequestedData = {
      appealId: facts.appealId,
      trackingNumber: facts.trackingNumber,
      organizationId: holdingBody(facts),
      reason: body.reason,
      ...(body.suggestedOrganizationId !== undefined && {
        suggestedOrganizationId: body.suggestedOrganizationId,
      }),
      requestedBy: actor,
      requestedAt: now.toISOString(),
    };
    return {
      type: EventTypes.transferRequested,
      data,
      detail: { suggestedOrganizationId: body.suggestedOrganizationId ?? null },
    };
  }
}
