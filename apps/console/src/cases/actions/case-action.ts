import type { ActorData, LifecycleEventType } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import type { AuditRecord } from '../../audit/audit-log';
import type { ActingCase } from './acting-case';
import type { ActionParameters, CaseAction, CaseCaller } from './case-state-machine';

/** What an action's handler is given once the state machine has allowed it. */
export interface ActionContext<B> {
  /** The action's transaction: rows of the console's own (an answer) go in with the event. */
  manager: EntityManager;
  facts: ActingCase;
  caller: CaseCaller;
  /** Who the event says acted: a member of staff, or the citizen. */
  actor: ActorData;
  body: B;
  now: Date;
}

/** The lifecycle event an action publishes, and what its audit entry adds (ids and codes only, no texts). */
export interface PlannedEvent {
  type: LifecycleEventType;
  data: { appealId: string; trackingNumber: string };
  detail?: AuditRecord['detail'];
}

/** One action of the console (a folder each): which it is, what the machine checks, the event it makes. */
export interface CaseActionHandler<B = unknown> {
  readonly action: CaseAction;
  /** The parameters the state machine checks besides the case and the caller (a new deadline, a body). */
  parameters?(body: B): ActionParameters;
  plan(context: ActionContext<B>): PlannedEvent | Promise<PlannedEvent>;
}
