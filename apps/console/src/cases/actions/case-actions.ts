import type { ActionReceipt, ActorData } from '@app/contracts';
import { OutboxWriter, payloadFingerprint } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { caseScopeOf } from '../../access/case-scope';
import type { Principal } from '../../access/principal';
import { CaseFiles } from '../read-model/case-files';
import { actingCaseOf, etagOf, matchesEtag } from './acting-case';
import { ActionRequests } from './action-requests';
import { caseNotFound } from '../case-not-found';
import { ActionRefusedException, idempotencyKeyReused, staleVersion } from './action-errors';
import type { ActionCall } from './action-preconditions';
import type { CaseActionHandler } from './case-action';
import { CaseActionWriter } from './case-action-writer';

function actorOf(caller: Principal): ActorData {
  return caller.kind === 'staff'
    ? { kind: 'staff', id: caller.userId }
    : { kind: 'system', id: caller.clientId };
}

/**
 * A member of staff's action on a case, as one transaction: the idempotency key claimed (a repeat gets the
 * first answer), the case loaded within the caller's scope and locked, its ETag compared, then the state
 * machine asked and the action written (event, projection, audit) with the answer kept for repeats.
 */
@Injectable()
export class CaseActions {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: CaseFiles,
    private readonly requests: ActionRequests,
    private readonly writer: CaseActionWriter,
    private readonly outbox: OutboxWriter,
  ) {}

  async run<B>(
    handler: CaseActionHandler<B>,
    { appealId, caller, preconditions }: ActionCall,
    body: B,
    response: Response,
  ): Promise<ActionReceipt> {
    const fingerprint = payloadFingerprint({ action: handler.action, appealId, body: body ?? {} });
    try {
      const outcome = await this.dataSource.transaction(async (manager) => {
        const claim = await this.requests.claim(manager, caller, preconditions.idempotencyKey, {
          action: handler.action,
          appealId,
          fingerprint,
        });
        if (claim.kind === 'replay') return { receipt: claim.receipt, replayed: true };
        if (claim.kind === 'reused') throw idempotencyKeyReused();
        const file = await this.files.loadInScope(manager, appealId, caseScopeOf(caller), {
          forUpdate: true,
        });
        if (!file) throw caseNotFound();
        const facts = actingCaseOf(file);
        if (!matchesEtag(preconditions.ifMatch, facts.version)) {
          response.setHeader('ETag', etagOf(facts.version));
          throw staleVersion(facts.version);
        }
        const written = await this.writer.write(
          manager,
          handler,
          { facts, caller, actor: actorOf(caller), body },
          caller,
        );
        if ('allowed' in written) throw new ActionRefusedException(written);
        await this.requests.answer(manager, caller, preconditions.idempotencyKey, written);
        return { receipt: written, replayed: false };
      });
      if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
      else this.outbox.notifyCommitted();
      response.setHeader('ETag', outcome.receipt.etag);
      return outcome.receipt;
    } catch (error) {
      if (error instanceof ActionRefusedException)
        await this.dataSource.transaction((manager) =>
          this.writer.recordRefusal(manager, caller, handler.action, { appealId }, error.refusal),
        );
      throw error;
    }
  }
}
