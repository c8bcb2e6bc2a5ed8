import { CENTRAL_RECEPTION_ID, EventTypes, newCloudEvent, type ActorData } from '@app/contracts';
import fc from 'fast-check';
import type { EntityManager } from 'typeorm';
import { CaseStatus } from '../case-status';
import type { CaseFile } from '../read-model/case-file';
import { CaseFold, type ProjectedEvent } from '../read-model/case-fold';
import { AcceptAction } from './accept/accept.action';
import { actingCaseOf } from './acting-case';
import type { CaseActionHandler } from './case-action';
import {
  ActionRefusal,
  CASE_ACTIONS,
  CaseAction,
  CaseStateMachine,
  type CaseCaller,
  type CaseSnapshot,
} from './case-state-machine';
import { EscalateAction } from './escalate/escalate.action';
import { extensionLimitFromEnv } from './extension-limit';
import { ExtendAction } from './extend/extend.action';
import { ReopenAction } from './reopen/reopen.action';
import { ResolveAction } from './resolve/resolve.action';
import { RespondAction } from './respond/respond.action';
import { TakeUnderControlAction } from './take-under-control/take-under-control.action';
import { TransferAction } from './transfer/transfer.action';

const NOW = new Date('2026-03-10T06:00:00.000Z');
const AKIMAT = 'akimat-almaty';
const ALMATY = '750000000';

const machine = new CaseStateMachine(() => NOW);

function aCase(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    status: CaseStatus.new,
    level: 'regional-akimat',
    organizationId: AKIMAT,
    responsibleOrganizationId: AKIMAT,
    scopeRegionKato: ALMATY,
    source: 'urn:portal:egov',
    dueAt: new Date('2026-03-31T18:59:59.999Z'),
    originalDueAt: new Date('2026-03-31T18:59:59.999Z'),
    underControlBy: null,
    ...overrides,
  };
}

/** The same case after escalation moved it to the central reception. */
function atCentral(overrides: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return aCase({ level: 'central-reception', organizationId: CENTRAL_RECEPTION_ID, ...overrides });
}

const callers = {
  operator: { kind: 'staff', userId: 'op-1', role: 'operator', organizationId: AKIMAT },
  foreignOperator: { kind: 'staff', userId: 'op-2', role: 'operator', organizationId: 'akimat-astana' },
  supervisor: { kind: 'staff', userId: 'sv-1', role: 'supervisor', regionKato: ALMATY },
  foreignSupervisor: { kind: 'staff', userId: 'sv-2', role: 'supervisor', regionKato: '710000000' },
  central: { kind: 'staff', userId: 'cr-1', role: 'central-reception' },
  admin: { kind: 'staff', userId: 'ad-1', role: 'admin' },
  portal: { kind: 'system', clientId: 'egov', source: 'urn:portal:egov' },
  otherSystem: { kind: 'system', clientId: 'call-centre', source: 'urn:call-centre' },
  citizen: { kind: 'citizen' },
} satisfies Record<string, CaseCaller>;
type CallerName = keyof typeof callers;

/** What each caller may do, per case; everything not listed is refused. */
const TABLE: Array<
  [situation: string, facts: CaseSnapshot, allowed: Partial<Record<CallerName, CaseAction[]>>]
> = [
  ['registered, not routed', aCase({ status: CaseStatus.registered, organizationId: null, level: null }), {}],
  [
    'new at the akimat',
    aCase(),
    { operator: ['accept', 'respond', 'transfer', 'extend'], supervisor: ['extend', 'escalate'] },
  ],
  [
    'in work at the akimat',
    aCase({ status: CaseStatus.inWork }),
    { operator: ['respond', 'transfer', 'extend'], supervisor: ['extend', 'escalate'] },
  ],
  [
    'in work at the akimat, deadline passed',
    aCase({ status: CaseStatus.inWork, dueAt: new Date('2026-03-01T00:00:00Z') }),
    { operator: ['respond', 'transfer'], supervisor: ['escalate'] },
  ],
  ['transfer pending', aCase({ status: CaseStatus.transferPending }), {}],
  [
    'answered by the akimat',
    aCase({ status: CaseStatus.answered }),
    {
      operator: ['resolve', 'reopen'],
      supervisor: ['escalate'],
      portal: ['resolve', 'reopen'],
      citizen: ['resolve', 'reopen'],
    },
  ],
  [
    'resolved at the akimat',
    aCase({ status: CaseStatus.resolved }),
    { operator: ['reopen'], portal: ['reopen'], citizen: ['reopen'] },
  ],
  [
    'escalated: new at the central reception',
    atCentral(),
    { central: ['accept', 'respond', 'extend', 'take-under-control'] },
  ],
  [
    'in work at the central reception, under control',
    atCentral({ status: CaseStatus.inWork, underControlBy: 'cr-1' }),
    { central: ['respond', 'extend'] },
  ],
  [
    'routed to the central reception for triage',
    atCentral({ responsibleOrganizationId: CENTRAL_RECEPTION_ID }),
    { central: ['accept', 'respond', 'transfer', 'extend', 'take-under-control'] },
  ],
  [
    'answered by the central reception',
    atCentral({ status: CaseStatus.answered }),
    {
      central: ['resolve', 'take-under-control', 'reopen'],
      portal: ['resolve', 'reopen'],
      citizen: ['resolve', 'reopen'],
    },
  ],
  [
    'resolved at the central reception',
    atCentral({ status: CaseStatus.resolved }),
    { central: ['reopen'], portal: ['reopen'], citizen: ['reopen'] },
  ],
];

describe('CaseStateMachine: state × caller × action', () => {
  const rows = TABLE.flatMap(([situation, facts, allowed]) =>
    (Object.keys(callers) as CallerName[]).flatMap((caller) =>
      CASE_ACTIONS.map((action) => ({
        situation,
        facts,
        caller,
        action,
        expected: (allowed[caller] ?? []).includes(action),
      })),
    ),
  );

  it.each(rows)('$situation: $caller $action → $expected', ({ facts, caller, action, expected }) => {
    const verdict = machine.check(action, facts, callers[caller]);
    expect(verdict.allowed).toBe(expected);
    if (!verdict.allowed) {
      expect(Object.values(ActionRefusal)).toContain(verdict.code);
      expect(verdict.message).not.toBe('');
    }
  });

  it('allowedActions lists every action once, with the reason of each refusal', () => {
    const listed = machine.allowedActions(aCase(), callers.operator);
    expect(listed.map((entry) => entry.action)).toEqual(CASE_ACTIONS);
    expect(listed.find((entry) => entry.action === 'accept')).toEqual({ action: 'accept', allowed: true });
    expect(listed.find((entry) => entry.action === 'resolve')).toMatchObject({
      allowed: false,
      code: ActionRefusal.notAnswered,
    });
  });
});

describe('CaseStateMachine: why not', () => {
  it.each<[string, CaseAction, CaseSnapshot, CaseCaller, ActionRefusal]>([
    ['a supervisor accepting', 'accept', aCase(), callers.supervisor, ActionRefusal.role],
    ['another body accepting', 'accept', aCase(), callers.foreignOperator, ActionRefusal.notTheHolder],
    ['the akimat after escalation', 'respond', atCentral(), callers.operator, ActionRefusal.notTheHolder],
    [
      'accepting twice',
      'accept',
      aCase({ status: CaseStatus.inWork }),
      callers.operator,
      ActionRefusal.status,
    ],
    ['resolving without an answer', 'resolve', aCase(), callers.operator, ActionRefusal.notAnswered],
    ['rejecting without an answer', 'reopen', aCase(), callers.citizen, ActionRefusal.notAnswered],
    [
      'another portal',
      'resolve',
      aCase({ status: 'answered' }),
      callers.otherSystem,
      ActionRefusal.notInScope,
    ],
    ['another region', 'escalate', aCase(), callers.foreignSupervisor, ActionRefusal.notInScope],
    ['escalating the last level', 'escalate', atCentral(), callers.supervisor, ActionRefusal.atLastLevel],
    [
      'escalating a settled case',
      'escalate',
      aCase({ status: 'resolved' }),
      callers.supervisor,
      'wrong-status',
    ],
    ['declining after escalation', 'transfer', atCentral(), callers.central, ActionRefusal.notFirstLevel],
    ['control below', 'take-under-control', aCase(), callers.central, ActionRefusal.notAtCentralLevel],
    [
      'control twice',
      'take-under-control',
      atCentral({ underControlBy: 'cr-2' }),
      callers.central,
      ActionRefusal.alreadyUnderControl,
    ],
    [
      'extending after the deadline',
      'extend',
      aCase({ dueAt: new Date('2026-03-10T05:59:59Z') }),
      callers.operator,
      ActionRefusal.deadlinePassed,
    ],
  ])('%s', (_name, action, facts, caller, code) => {
    expect(machine.check(action, facts, caller)).toMatchObject({ allowed: false, code });
  });
});

describe('CaseStateMachine: parameters', () => {
  const facts = aCase({
    originalDueAt: new Date('2026-03-31T18:59:59.999Z'),
    dueAt: new Date('2026-04-10T18:59:59.999Z'),
  });

  it('takes a new deadline up to two calendar months after the original one, in Kazakhstan', () => {
    expect(machine.extensionLimitOf(facts)).toEqual(new Date('2026-05-31T18:59:59.999Z'));
    const extend = (dueAt: string) =>
      machine.checkWith({ action: 'extend', dueAt: new Date(dueAt) }, facts, callers.operator);
    expect(extend('2026-05-31T18:59:59.999Z')).toEqual({ allowed: true });
    expect(extend('2026-05-31T19:00:00.000Z')).toMatchObject({ code: ActionRefusal.beyondLegalLimit });
    expect(extend('2026-04-10T18:59:59.999Z')).toMatchObject({ code: ActionRefusal.notLater });
  });

  it('takes the limit from CONSOLE_EXTENSION_LIMIT, to agree with escalation’s legal rule', () => {
    const shorter = new CaseStateMachine(
      () => NOW,
      extensionLimitFromEnv({ CONSOLE_EXTENSION_LIMIT: 'P1M' }),
    );
    expect(shorter.extensionLimitOf(facts)).toEqual(new Date('2026-04-30T18:59:59.999Z'));
    expect(
      shorter.checkWith(
        { action: 'extend', dueAt: new Date('2026-05-01T00:00:00Z') },
        facts,
        callers.operator,
      ),
    ).toMatchObject({ code: ActionRefusal.beyondLegalLimit });
  });

  it('refuses a transfer suggesting the declining body itself', () => {
    const transfer = (suggestedOrganizationId?: string) =>
      machine.checkWith({ action: 'transfer', suggestedOrganizationId }, facts, callers.operator);
    expect(transfer(AKIMAT)).toMatchObject({ code: ActionRefusal.sameBody });
    expect(transfer('akimat-zhetysu')).toEqual({ allowed: true });
    expect(transfer()).toEqual({ allowed: true });
  });

  it("lets a supervisor extend only what the region's akimat holds, not another body of the region", () => {
    const extend = (organizationId: string, supervisor: CaseCaller = callers.supervisor) =>
      machine.check(
        'extend',
        aCase({ organizationId, responsibleOrganizationId: organizationId }),
        supervisor,
      );
    expect(extend(AKIMAT)).toEqual({ allowed: true });
    expect(extend('almaty-roads-department')).toMatchObject({ code: ActionRefusal.notTheHolder });
    expect(extend(AKIMAT, callers.foreignSupervisor)).toMatchObject({ code: ActionRefusal.notInScope });
  });

  it('checks the caller before the parameters', () => {
    expect(
      machine.checkWith({ action: 'extend', dueAt: new Date('2030-01-01') }, facts, callers.central),
    ).toMatchObject({ code: ActionRefusal.notTheHolder });
  });
});

const DAY = 86_400_000;
const BODIES = [AKIMAT, 'akimat-astana', CENTRAL_RECEPTION_ID];
const fold = new CaseFold(() => null);
/** Only the answer's row is written through it, which the fold does not read. */
const noDatabase = { query: async () => [] } as unknown as EntityManager;

interface Handled {
  handler: CaseActionHandler<never>;
  body: (facts: CaseSnapshot) => object;
}

/** Each action's handler with a body it accepts: the events the console really publishes. */
const HANDLERS: { readonly [A in CaseAction]: Handled } = {
  accept: { handler: new AcceptAction(), body: () => ({}) },
  respond: { handler: new RespondAction(), body: () => ({ text: 'Жол маусымда жөнделеді.' }) },
  resolve: { handler: new ResolveAction(), body: () => ({}) },
  transfer: { handler: new TransferAction(), body: () => ({ reason: 'Біздің құзыретімізде емес' }) },
  extend: {
    handler: new ExtendAction(),
    body: (facts) => ({
      reason: 'Сараптама керек',
      dueAt: new Date((facts.dueAt?.getTime() ?? NOW.getTime()) + DAY).toISOString(),
    }),
  },
  escalate: { handler: new EscalateAction(), body: () => ({ reason: 'Тым ұзақ' }) },
  'take-under-control': { handler: new TakeUnderControlAction(), body: () => ({ note: 'Бақылауда' }) },
  reopen: { handler: new ReopenAction(), body: () => ({}) },
};

function verdictOf(machine: CaseStateMachine, action: CaseAction, facts: CaseSnapshot, caller: CaseCaller) {
  const { handler, body } = HANDLERS[action];
  return handler.parameters
    ? machine.checkWith(handler.parameters(body(facts) as never), facts, caller)
    : machine.check(action, facts, caller);
}

function lifecycle(type: string, source: string, data: object, now: Date, file?: CaseFile): ProjectedEvent {
  const appealId = file?.appealId ?? '0b7a4c1e-8a52-4c55-9f3e-0d6f6c2f1a11';
  const trackingNumber = file?.trackingNumber ?? 'KZ-2026-7K3M-9Q2X';
  return newCloudEvent({
    type,
    source,
    time: now,
    data: { appealId, trackingNumber, ...data },
  }) as ProjectedEvent;
}

function registeredCase(now: Date): CaseFile {
  const event = lifecycle(
    EventTypes.registered,
    'urn:appeal-routing:intake',
    {
      source: 'urn:portal:egov',
      sourceEventId: 'e-1',
      externalId: 'x-1',
      kind: 'complaint',
      category: 'roads.repair',
      regionKato: '751110000',
      language: 'kk',
      registeredAt: now.toISOString(),
      citizen: { fullName: 'Әсел', email: 'asel@example.kz', preferredChannel: 'email' },
    },
    now,
  );
  const step = fold.step(undefined, event);
  if (!step) throw new Error('registered did not fold');
  return step.file;
}

/**
 * What the other services do to a case (routing, escalation, the deadline running out), when they would:
 * with the console's actions, they make every path a case can take.
 */
type WorldEvent =
  | { kind: 'routed'; to: string }
  | { kind: 'transferred'; to: string }
  | { kind: 'escalated' }
  | { kind: 'transfer-refused' }
  | { kind: 'deadline-assigned'; days: number }
  | { kind: 'time-passes'; days: number };

function happen(file: CaseFile, world: WorldEvent, now: Date): ProjectedEvent | undefined {
  const at = now.toISOString();
  const dueAt = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const holder = file.organizationId;
  switch (world.kind) {
    case 'routed':
      if (file.status !== CaseStatus.registered) return undefined;
      return lifecycle(
        EventTypes.routed,
        'urn:appeal-routing:routing',
        {
          organizationId: world.to,
          organizationName: world.to,
          regionKato: '751110000',
          routedAt: at,
          isFallback: false,
          kind: 'complaint',
          language: 'kk',
        },
        now,
        file,
      );
    case 'transferred':
      if (file.status !== CaseStatus.transferPending || holder === null || holder === world.to)
        return undefined;
      return lifecycle(
        EventTypes.transferred,
        'urn:appeal-routing:routing',
        {
          fromOrganizationId: holder,
          toOrganizationId: world.to,
          reason: 'not ours',
          transferredBy: { kind: 'staff', id: 'op' },
          transferredAt: at,
        },
        now,
        file,
      );
    case 'escalated':
      if (holder === null || holder === CENTRAL_RECEPTION_ID) return undefined;
      if (file.status === CaseStatus.resolved || file.status === CaseStatus.transferPending) return undefined;
      return lifecycle(
        EventTypes.escalated,
        'urn:appeal-routing:escalation',
        {
          fromOrganizationId: holder,
          toOrganizationId: CENTRAL_RECEPTION_ID,
          reason: 'overdue',
          escalatedAt: at,
          toLevel: 'central-reception',
          newDueAt: dueAt(15),
        },
        now,
        file,
      );
    case 'transfer-refused':
      if (file.status !== CaseStatus.transferPending) return undefined;
      return transferRefusal(now, file);
    case 'deadline-assigned':
      if (holder === null) return undefined;
      return lifecycle(
        EventTypes.deadlineAssigned,
        'urn:appeal-routing:escalation',
        {
          organizationId: holder,
          dueAt: dueAt(world.days),
          warnAt: at,
          policy: '15 working days',
          assignedAt: at,
          level: holder === CENTRAL_RECEPTION_ID ? 'central-reception' : 'regional-akimat',
        },
        now,
        file,
      );
    case 'time-passes':
      return undefined;
  }
}

/** The event the action's handler publishes, as the console's own. */
async function published(
  action: CaseAction,
  caller: CaseCaller,
  file: CaseFile,
  now: Date,
): Promise<ProjectedEvent> {
  const { handler, body } = HANDLERS[action];
  const facts = actingCaseOf(file);
  const planned = await handler.plan({
    manager: noDatabase,
    facts,
    caller,
    actor: actorOf(caller),
    body: body(facts) as never,
    now,
  });
  return lifecycle(planned.type, 'urn:appeal-routing:console', planned.data, now, file);
}

/** Routing's refusal of the pending transfer (no body left that has not declined the case). */
function transferRefusal(now: Date, file: CaseFile): ProjectedEvent {
  return lifecycle(
    EventTypes.actionRefused,
    'urn:appeal-routing:routing',
    {
      refusedType: EventTypes.transferRequested,
      refusedEventId: 'the-transfer-request',
      code: 'same-body',
      message: 'no competent body is left that has not declined the case',
      refusedAt: now.toISOString(),
    },
    now,
    file,
  );
}

describe('CaseStateMachine: a refused transfer', () => {
  it("opens the holder's actions again, in work if the holder had accepted the case", async () => {
    let file = registeredCase(NOW);
    const apply = (event: ProjectedEvent | undefined) => {
      const step = event && fold.step(file, event);
      if (!step) throw new Error('the event did not fold');
      file = step.file;
    };
    apply(happen(file, { kind: 'routed', to: AKIMAT }, NOW));
    for (const action of [CaseAction.accept, CaseAction.transfer]) {
      expect(machine.check(action, actingCaseOf(file), callers.operator)).toEqual({ allowed: true });
      apply(await published(action, callers.operator, file, NOW));
    }
    expect(machine.allowedActions(actingCaseOf(file), callers.operator).some((a) => a.allowed)).toBe(false);

    apply(transferRefusal(NOW, file));
    expect(file).toMatchObject({ status: CaseStatus.inWork, declinedOrganizationIds: [] });
    const open = machine
      .allowedActions(actingCaseOf(file), callers.operator)
      .filter((entry) => entry.allowed)
      .map((entry) => entry.action);
    expect(open).toEqual([CaseAction.respond, CaseAction.transfer]);
  });
});

function actorOf(caller: CaseCaller): ActorData {
  if (caller.kind === 'staff') return { kind: 'staff', id: caller.userId };
  return { kind: 'citizen', id: caller.kind === 'system' ? 'submitting-portal' : 'tracking-link' };
}

const STATUSES: readonly string[] = Object.values(CaseStatus);
const REFUSALS: readonly string[] = Object.values(ActionRefusal);

describe('CaseStateMachine: property', () => {
  const caller = fc.constantFrom(...(Object.values(callers) as CaseCaller[]));
  const step = fc.oneof(
    // Mostly one of the actions open now, so that sequences of allowed actions go deep.
    { arbitrary: fc.record({ kind: fc.constant('allowed' as const), pick: fc.nat() }), weight: 6 },
    fc.record({ kind: fc.constant('action' as const), action: fc.constantFrom(...CASE_ACTIONS), caller }),
    fc.record({ kind: fc.constant('routed' as const), to: fc.constantFrom(...BODIES) }),
    fc.record({ kind: fc.constant('transferred' as const), to: fc.constantFrom(...BODIES) }),
    fc.record({ kind: fc.constant('escalated' as const) }),
    fc.record({ kind: fc.constant('transfer-refused' as const) }),
    fc.record({ kind: fc.constant('deadline-assigned' as const), days: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('time-passes' as const), days: fc.integer({ min: 1, max: 30 }) }),
  );
  const everyone = Object.values(callers) as CaseCaller[];

  it('no sequence of allowed actions (as the handlers publish and the read model folds them) and outside events leaves the known states', async () => {
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        let now = NOW;
        const clocked = new CaseStateMachine(() => now);
        let file = registeredCase(now);
        for (const next of steps) {
          const facts = actingCaseOf(file);
          let event: ProjectedEvent | undefined;
          let chosen: { action: CaseAction; caller: CaseCaller } | undefined;
          if (next.kind === 'allowed') {
            const open = everyone.flatMap((someone) =>
              CASE_ACTIONS.filter((action) => verdictOf(clocked, action, facts, someone).allowed).map(
                (action) => ({ action, caller: someone }),
              ),
            );
            chosen = open.length > 0 ? open[next.pick % open.length] : undefined;
          } else if (next.kind === 'action') {
            const verdict = verdictOf(clocked, next.action, facts, next.caller);
            if (verdict.allowed) chosen = next;
            else {
              expect(REFUSALS).toContain(verdict.code);
              expect(verdict.message).not.toBe('');
            }
          } else {
            if (next.kind === 'time-passes') now = new Date(now.getTime() + next.days * DAY);
            event = happen(file, next, now);
          }
          if (chosen) {
            event = await published(chosen.action, chosen.caller, file, now);
            reached.add(chosen.action);
          }
          if (event) {
            const folded = fold.step(file, event);
            expect(folded).toBeDefined();
            file = folded?.file ?? file;
          }
          expect(STATUSES).toContain(file.status);
          expect(file.organizationId === null).toBe(file.status === CaseStatus.registered);
          if (file.status === CaseStatus.answered || file.status === CaseStatus.resolved)
            expect(file.responseId).not.toBeNull();
          const open = Object.values(callers).flatMap((someone) =>
            clocked
              .allowedActions(actingCaseOf(file), someone)
              .filter((entry) => entry.allowed)
              .map((entry) => entry.action),
          );
          // A settled case can only be reopened; one waiting for routing or a transfer takes no action.
          if (file.status === CaseStatus.resolved)
            expect(open.every((action) => action === 'reopen')).toBe(true);
          if (file.status === CaseStatus.registered || file.status === CaseStatus.transferPending)
            expect(open).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
    // The property is only as good as the paths it walked: every action was taken somewhere.
    expect([...reached].sort()).toEqual([...CASE_ACTIONS].sort());
  }, 60_000);
});
