import { CENTRAL_RECEPTION_ID } from '@app/contracts';
import fc from 'fast-check';
import type { Principal } from '../../access/principal';
import { CaseStatus } from '../case-status';
import {
  ActionRefusal,
  CASE_ACTIONS,
  CaseAction,
  CaseStateMachine,
  type CaseCaller,
  type CaseSnapshot,
} from './case-state-machine';

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
    { operator: ['accept', 'respond', 'transfer', 'extend'], supervisor: ['escalate'] },
  ],
  [
    'in work at the akimat',
    aCase({ status: CaseStatus.inWork }),
    { operator: ['respond', 'transfer', 'extend'], supervisor: ['escalate'] },
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

  it('refuses a transfer suggesting the declining body itself', () => {
    const transfer = (suggestedOrganizationId?: string) =>
      machine.checkWith({ action: 'transfer', suggestedOrganizationId }, facts, callers.operator);
    expect(transfer(AKIMAT)).toMatchObject({ code: ActionRefusal.sameBody });
    expect(transfer('akimat-zhetysu')).toEqual({ allowed: true });
    expect(transfer()).toEqual({ allowed: true });
  });

  it('checks the caller before the parameters', () => {
    expect(
      machine.checkWith({ action: 'extend', dueAt: new Date('2030-01-01') }, facts, callers.supervisor),
    ).toMatchObject({ code: ActionRefusal.role });
  });
});

/**
 * What happens to a case from outside the console's actions (routing, escalation, the deadline running out),
 * as the read model's projection folds it; with the actions, they make every path a case can take.
 */
type WorldEvent =
  | { kind: 'routed'; to: string }
  | { kind: 'transferred'; to: string }
  | { kind: 'escalated' }
  | { kind: 'deadline-assigned'; days: number }
  | { kind: 'time-passes'; days: number };

const DAY = 86_400_000;
const BODIES = [AKIMAT, 'akimat-astana', CENTRAL_RECEPTION_ID];

function happen(facts: CaseSnapshot, event: WorldEvent, now: Date): CaseSnapshot {
  switch (event.kind) {
    case 'routed':
      if (facts.status !== CaseStatus.registered) return facts;
      return moveTo(facts, event.to, event.to, now);
    case 'transferred':
      if (facts.status !== CaseStatus.transferPending) return facts;
      return moveTo(facts, event.to, event.to, now);
    case 'escalated':
      if (facts.organizationId === null || facts.organizationId === CENTRAL_RECEPTION_ID) return facts;
      if (facts.status === CaseStatus.resolved || facts.status === CaseStatus.transferPending) return facts;
      return moveTo(facts, CENTRAL_RECEPTION_ID, facts.responsibleOrganizationId, now);
    case 'deadline-assigned':
      if (facts.dueAt === null) return facts;
      return { ...facts, dueAt: new Date(facts.dueAt.getTime() + event.days * DAY) };
    case 'time-passes':
      return facts;
  }
}

function moveTo(facts: CaseSnapshot, holder: string, responsible: string | null, now: Date): CaseSnapshot {
  const dueAt = new Date(now.getTime() + 15 * DAY);
  return {
    ...facts,
    status: CaseStatus.new,
    organizationId: holder,
    responsibleOrganizationId: responsible,
    level: holder === CENTRAL_RECEPTION_ID ? 'central-reception' : 'regional-akimat',
    dueAt,
    originalDueAt: dueAt,
    underControlBy: holder === CENTRAL_RECEPTION_ID ? facts.underControlBy : null,
  };
}

const STATUSES: readonly string[] = Object.values(CaseStatus);

/** The invariants of a case the console can show and act on. */
function expectDefined(facts: CaseSnapshot): void {
  expect(STATUSES).toContain(facts.status);
  expect(facts.organizationId === null).toBe(facts.status === CaseStatus.registered);
  if (facts.underControlBy !== null) expect(facts.organizationId).toBe(CENTRAL_RECEPTION_ID);
  if (facts.status !== CaseStatus.registered) expect(facts.dueAt).not.toBeNull();
}

describe('CaseStateMachine: property', () => {
  const caller = fc.constantFrom(...(Object.values(callers) as CaseCaller[]));
  const step = fc.oneof(
    fc.record({ kind: fc.constant('action' as const), action: fc.constantFrom(...CASE_ACTIONS), caller }),
    fc.record({ kind: fc.constant('routed' as const), to: fc.constantFrom(...BODIES) }),
    fc.record({ kind: fc.constant('transferred' as const), to: fc.constantFrom(...BODIES) }),
    fc.record({ kind: fc.constant('escalated' as const) }),
    fc.record({ kind: fc.constant('deadline-assigned' as const), days: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('time-passes' as const), days: fc.integer({ min: 1, max: 30 }) }),
  );

  it('no sequence of allowed actions and outside events leaves the known states', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let now = NOW;
        const clocked = new CaseStateMachine(() => now);
        let facts = aCase({
          status: CaseStatus.registered,
          organizationId: null,
          responsibleOrganizationId: null,
          level: null,
          dueAt: null,
          originalDueAt: null,
        });
        for (const next of steps) {
          if (next.kind === 'action') {
            const verdict = clocked.check(next.action, facts, next.caller);
            if (verdict.allowed) facts = clocked.after(next.action, facts, next.caller);
            else expect(verdict.message).not.toBe('');
          } else {
            if (next.kind === 'time-passes') now = new Date(now.getTime() + next.days * DAY);
            facts = happen(facts, next, now);
          }
          expectDefined(facts);
          // A settled case can only be reopened; a case waiting for routing or a transfer takes no action.
          const open = clocked
            .allowedActions(facts, callers.central as Principal)
            .concat(clocked.allowedActions(facts, callers.operator as Principal))
            .filter((entry) => entry.allowed)
            .map((entry) => entry.action);
          if (facts.status === CaseStatus.resolved)
            expect(open.every((action) => action === 'reopen')).toBe(true);
          if (facts.status === CaseStatus.registered || facts.status === CaseStatus.transferPending)
            expect(open).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});
