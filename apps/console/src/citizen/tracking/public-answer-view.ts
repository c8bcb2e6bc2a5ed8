import { EventTypes, isCitizenDecisionSecret, type PublicAnswer } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { httpError } from '@app/service-kit';
import { isAppealId, normalizedTrackingNumber } from '../../cases/case-ids';
import { CitizenLinkKey } from '../citizen-link-key';

export interface AnswerLink {
  response?: string;
  secret?: string;
}

const SECRET = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The answer of one link: `response` (the answer's id) and `secret` as notification wrote them into the answer
 * message, checked exactly as the decision by link checks them (`citizenDecisionSecret`, libs/contracts). A wrong
 * or missing secret, number or answer answers the same 404. Reads console.case_file, case_event,
 * case_response and citizen_decision only.
 */
@Injectable()
export class PublicAnswerView {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly key: CitizenLinkKey,
  ) {}

  async read(trackingNumber: string, link: AnswerLink): Promise<PublicAnswer> {
    const key = this.key.value;
    const normalized = normalizedTrackingNumber(trackingNumber);
    const { response, secret } = link;
    if (
      key === null ||
      normalized === undefined ||
      typeof response !== 'string' ||
      !isAppealId(response) ||
      typeof secret !== 'string' ||
      !SECRET.test(secret)
    )
      throw httpError('appeal-not-found');
    const [file] = await this.dataSource.query<
      Array<{ appeal_id: string; tracking_number: string; response_id: string | null; status: string }>
    >(
      `SELECT appeal_id, tracking_number, response_id, status FROM console.case_file WHERE tracking_number = $1`,
      [normalized],
    );
    if (!file || !isCitizenDecisionSecret(key, file.appeal_id, response, secret))
      throw httpError('appeal-not-found');
    const [answer] = await this.dataSource.query<
      Array<{ text: string; responded_at: Date; organization_id: string }>
    >(
      `SELECT text, responded_at, organization_id FROM console.case_response WHERE id = $1 AND appeal_id = $2`,
      [response, file.appeal_id],
    );
    if (!answer) throw httpError('appeal-not-found');
    const [decision] = await this.dataSource.query<Array<{ decision: string }>>(
      `SELECT decision FROM console.citizen_decision WHERE appeal_id = $1 AND response_id = $2`,
      [file.appeal_id, response],
    );
    return {
      trackingNumber: file.tracking_number,
      organizationName: await this.nameOf(file.appeal_id, answer.organization_id),
      respondedAt: answer.responded_at.toISOString(),
      text: answer.text,
      current: file.response_id === response,
      caseStatus: file.status,
      decision: decision ? (decision.decision === 'accept' ? 'accepted' : 'rejected') : null,
    };
  }

  /** The answering body's name as the case's timeline last gave it (routing, or a transfer to it). */
  private async nameOf(appealId: string, organizationId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ name: string | null }>>(
      `SELECT CASE WHEN type = $3 THEN data->>'organizationName' ELSE data->>'toOrganizationName' END AS name
       FROM console.case_event
       WHERE appeal_id = $1
         AND ((type = $3 AND data->>'organizationId' = $2) OR (type = $4 AND data->>'toOrganizationId' = $2))
       ORDER BY position DESC LIMIT 1`,
      [appealId, organizationId, EventTypes.routed, EventTypes.transferred],
    );
    return row?.name ?? null;
  }
}
