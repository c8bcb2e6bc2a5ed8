import { newCloudEvent, Topics, type ActionReceipt } from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditLog, type AuditActor } from '../../audit/audit-log';
import { CONSOLE_EVENT_SOURCE } from '../../console.definition';
import { CaseFiles } from '../read-model/case-files';
import { CaseProjector } from '../read-model/case-projector';
import { etagOf, type ActingCase } from './acting-case';
import type { ActionContext, CaseActionHandler } from './case-action';
import { CaseStateMachine, type Refused } from './case-state-machine';

export type ActionInput<B> = Omit<ActionContext<B>, 'manager' | 'now'>;

/**
 * Carries out an allowed action in the caller's transaction: the event into the outbox, the same event onto
 * the case through the read model's projection, and the audit entry; all commit together or not at all.
 */
@Injectable()
export class CaseActionWriter {
  constructor(
    private readonly machine: CaseStateMachine,
    private readonly outbox: OutboxWriter,
    private readonly projector: CaseProjector,
    private readonly files: CaseFiles,
    private readonly audit: AuditLog,
  ) {}

  async write<B>(
    manager: EntityManager,
    handler: CaseActionHandler<B>,
    input: ActionInput<B>,
    auditActor: AuditActor,
  ): Promise<ActionReceipt | Refused> {
    const { facts, caller, body } = input;
    const verdict = handler.parameters
      ? this.machine.checkWith(handler.parameters(body), facts, caller)
      : this.machine.check(handler.action, facts, caller);
    if (!verdict.allowed) return verdict;
    const now = new Date();
    const planned = await handler.plan({ ...input, manager, now });
    const event = newCloudEvent({
      type: planned.type,
      source: CONSOLE_EVENT_SOURCE,
      subject: facts.appealId,
      data: planned.data,
      time: now,
    });
    await this.outbox.add(manager, [{ topic: Topics.events, key: facts.appealId, event }]);
    await this.projector.apply(manager, event);
    await this.audit.record(manager, auditActor, [
      {
        action: `case.${handler.action}`,
        appealId: facts.appealId,
        detail: { eventId: event.id, ...planned.detail },
      },
    ]);
    const after = await this.files.lock(manager, facts.appealId);
    if (!after) throw new Error(`case ${facts.appealId} vanished during its action`);
    return { eventId: event.id, etag: etagOf(after.version), status: after.status };
  }

  /** A refusal is audited on its own, since the refused action's transaction is rolled back. */
  async recordRefusal(
    manager: EntityManager,
    auditActor: AuditActor,
    action: string,
    facts: Pick<ActingCase, 'appealId'>,
    refusal: Refused,
  ): Promise<void> {
    await this.audit.record(manager, auditActor, [
      {
        action: `case.${action}`,
        appealId: facts.appealId,
        outcome: 'refused',
        detail: { code: refusal.code },
      },
    ]);
  }
}
