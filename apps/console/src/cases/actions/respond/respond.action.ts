import { EventTypes, type AppealRespondedData } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ActionContext, CaseActionHandler, PlannedEvent } from '../case-action';
import { CaseAction } from '../case-state-machine';
import { holdingBody } from '../holding-body';
import type { RespondRequest } from './respond.request';

/**
 * The holder answers. The answer is kept in console.case_response; `responded` carries its id, which the
 * citizen's link and the portal's decision refer to, and its text, which notification sends the citizen.
 * The audit entry names the answer without repeating its text.
 */
@Injectable()
export class RespondAction implements CaseActionHandler<RespondRequest> {
  readonly action = CaseAction.respond;

  async plan({ manager, facts, actor, body, now }: ActionContext<RespondRequest>): Promise<PlannedEvent> {
    const responseId = randomUUID();
    const organizationId = holdingBody(facts);
    await manager.query(
      `INSERT INTO console.case_response (id, appeal_id, organization_id, responded_by, text, attachments, responded_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`,
      [
        responseId,
        facts.appealId,
        organizationId,
        actor.id,
        body.text,
        JSON.stringify(body.attachments ?? []),
        now,
      ],
    );
    const data: AppealRespondedData = {
      appealId: facts.appealId,
      trackingNumber: facts.trackingNumber,
      organizationId,
      respondedBy: actor,
      responseId,
      text: body.text,
      respondedAt: now.toISOString(),
    };
    return {
      type: EventTypes.responded,
      data,
      detail: { responseId, attachments: body.attachments?.length ?? 0 },
    };
  }
}
