import { isCitizenDecisionSecret, type ActorData } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { HttpException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { caseScopeOf } from '../access/case-scope';
import type { SystemPrincipal } from '../access/principal';
import type { AuditActor } from '../audit/audit-log';
import { actingCaseOf, type ActingCase } from '../cases/actions/acting-case';
import { ActionRefusedException } from '../cases/actions/action-errors';
import { caseNotFound } from '../cases/case-not-found';
import { httpError } from '@app/service-kit';
import { CaseActionWriter } from '../cases/actions/case-action-writer';
import { ActionRefusal, type CaseCaller } from '../cases/actions/case-state-machine';
import { ReopenAction } from '../cases/actions/reopen/reopen.action';
import { ResolveAction } from '../cases/actions/resolve/resolve.action';
import type { CaseFile } from '../cases/read-model/case-file';
import { CaseFiles } from '../cases/read-model/case-files';
import { CitizenLinkKey } from './citizen-link-key';
import type {
  CitizenDecision,
  DecisionReceiptResponse,
  DecisionRequest,
  LinkDecisionRequest,
  PortalDecisionRequest,
} from './citizen-decision.request';

export interface DecisionOutcome {
  receipt: DecisionReceiptResponse;
  replayed: boolean;
}

/** How the citizen's voice reached the console, and who stands for it in the event, the machine and the audit. */
interface Voice {
  via: 'portal' | 'link';
  caller: CaseCaller;
  actor: ActorData;
  auditActor: AuditActor;
  /** The 404 of a case the voice cannot reach: the portal's as any system's, the citizen's in their words. */
  notFound: () => Error;
}

/** Through the citizen's own link: the event names no account, only the channel. */
const BY_LINK: Voice = {
  via: 'link',
  caller: { kind: 'citizen' },
  actor: { kind: 'citizen', id: 'tracking-link' },
  auditActor: { kind: 'citizen', id: 'tracking-link' },
  notFound: () => httpError('appeal-not-found'),
};

function conflict(code: string, message: string): HttpException {
  return new HttpException({ statusCode: 409, error: 'Conflict', code, message }, 409);
}

/**
 * The citizen accepts the answer (`resolved`) or rejects it (`reopened`, which escalation turns into an
 * escalation), through the portal that submitted the appeal or with the secret of their answer message.
 * One decision per answer: the same decision again gets the first answer, another one is refused.
 */
@Injectable()
export class CitizenDecisions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: CaseFiles,
    private readonly writer: CaseActionWriter,
    private readonly resolving: ResolveAction,
    private readonly reopening: ReopenAction,
    private readonly key: CitizenLinkKey,
    private readonly outbox: OutboxWriter,
  ) {}

  byPortal(
    portal: SystemPrincipal,
    appealId: string,
    request: PortalDecisionRequest,
  ): Promise<DecisionOutcome> {
    const voice: Voice = {
      via: 'portal',
      caller: portal,
      actor: { kind: 'citizen', id: 'submitting-portal' },
      auditActor: portal,
      notFound: caseNotFound,
    };
    return this.decide(
      voice,
      request,
      (manager) => this.files.loadInScope(manager, appealId, caseScopeOf(portal), { forUpdate: true }),
      (facts) => {
        if (request.responseId !== undefined && request.responseId !== facts.responseId)
          throw conflict('not-the-current-answer', 'a newer answer has replaced the one decided on');
      },
    );
  }

  /** A wrong secret and an unknown tracking number get the same 404: the route tells a guesser nothing. */
  byLink(trackingNumber: string, request: LinkDecisionRequest): Promise<DecisionOutcome> {
    const key = this.key.value;
    return this.decide(
      BY_LINK,
      request,
      (manager) => (key === null ? undefined : this.files.lockByTrackingNumber(manager, trackingNumber)),
      (facts) => {
        if (
          key === null ||
          facts.responseId === null ||
          !isCitizenDecisionSecret(key, facts.appealId, facts.responseId, request.secret)
        )
          throw BY_LINK.notFound();
      },
    );
  }

  private async decide(
    voice: Voice,
    request: DecisionRequest,
    locate: (manager: EntityManager) => Promise<CaseFile | undefined> | undefined,
    verify: (facts: ActingCase) => void,
  ): Promise<DecisionOutcome> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const file = await locate(manager);
      if (!file) throw voice.notFound();
      const facts = actingCaseOf(file);
      verify(facts);
      if (facts.responseId === null)
        throw new ActionRefusedException({
          allowed: false,
          code: ActionRefusal.notAnswered,
          message: 'the case has no answer to decide on',
        });
      const earlier = await this.earlierDecision(manager, facts.appealId, facts.responseId);
      if (earlier) {
        if (earlier.decision !== request.decision)
          throw conflict('already-decided', `the citizen already chose to ${earlier.decision} this answer`);
        return {
          receipt: { eventId: earlier.event_id, decision: request.decision, status: facts.status },
          replayed: true,
        };
      }
      const handler = request.decision === 'accept' ? this.resolving : this.reopening;
      const written = await this.writer.write(
        manager,
        handler,
        { facts, caller: voice.caller, actor: voice.actor, body: {} },
        voice.auditActor,
      );
      if ('allowed' in written) throw new ActionRefusedException(written);
      await manager.query(
        `INSERT INTO console.citizen_decision (appeal_id, response_id, decision, reason, via, event_id, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())`,
        [
          facts.appealId,
          facts.responseId,
          request.decision,
          request.reason ?? null,
          voice.via,
          written.eventId,
        ],
      );
      return {
        receipt: { eventId: written.eventId, decision: request.decision, status: written.status },
        replayed: false,
      };
    });
    if (!outcome.replayed) this.outbox.notifyCommitted();
    return outcome;
  }

  private async earlierDecision(
    manager: EntityManager,
    appealId: string,
    responseId: string,
  ): Promise<{ decision: CitizenDecision; event_id: string } | undefined> {
    const [row] = await manager.query<Array<{ decision: CitizenDecision; event_id: string }>>(
      `SELECT decision, event_id FROM console.citizen_decision WHERE appeal_id = $1 AND response_id = $2`,
      [appealId, responseId],
    );
    return row;
  }
}
