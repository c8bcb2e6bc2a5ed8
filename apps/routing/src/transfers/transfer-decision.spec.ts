import { RefusalCode, TransferDecision } from '@app/contracts';
import fc from 'fast-check';
import type { RoutableAppeal, RuleCandidate } from '../routing/routing-decision';
import {
  decideTransfer,
  type TransferCase,
  type TransferDirectory,
  type TransferLimits,
  type TransferOutcome,
} from './transfer-decision';

const CENTRAL = 'central-reception';
/** Almaty city: its akimat is the fallback of every appeal below. */
const FALLBACK = 'akimat-almaty';
const ROADS: RoutableAppeal = { regionKato: '751110000', category: 'roads.repair', kind: 'complaint' };
const limits: TransferLimits = { maxTransfers: 2, centralReceptionId: CENTRAL };

const rules: RuleCandidate[] = [
  { id: 'almaty', katoPrefix: '75', category: null, kind: null, organizationId: FALLBACK },
  {
    id: 'almaty-roads',
    katoPrefix: '75',
    category: 'roads.repair',
    kind: null,
    organizationId: 'roads-dept',
  },
  {
    id: 'bostandyk-roads',
    katoPrefix: '7511',
    category: 'roads.repair',
    kind: null,
    organizationId: 'district',
  },
  { id: 'astana', katoPrefix: '71', category: null, kind: null, organizationId: 'akimat-astana' },
];

function directoryOf(
  inService: Iterable<string>,
  ruleList: readonly RuleCandidate[] = rules,
): TransferDirectory {
  const active = new Set(inService);
  return { rules: ruleList, isActive: (id) => active.has(id) };
}

const directory = directoryOf([CENTRAL, FALLBACK, 'roads-dept', 'district', 'akimat-astana']);

function held(overrides: Partial<TransferCase> = {}): TransferCase {
  return { appeal: ROADS, holderId: 'district', declinedBy: new Set(), transfers: 0, ...overrides };
}

describe('decideTransfer', () => {
  it('sends the appeal to the suggested body when a rule covering the appeal names it', () => {
    expect(
      decideTransfer(held(), { decliningId: 'district', suggestedId: 'roads-dept' }, directory, limits),
    ).toEqual({ organizationId: 'roads-dept', decision: TransferDecision.suggested, transferCount: 1 });
  });

  it("takes the region's akimat as a competent suggestion: it is the fallback", () => {
    const outcome = decideTransfer(
      held(),
      { decliningId: 'district', suggestedId: FALLBACK },
      directory,
      limits,
    );
    expect(outcome).toMatchObject({ organizationId: FALLBACK, decision: TransferDecision.suggested });
  });

  it.each([
    ['no rule for the place names it', 'akimat-astana', directory],
    ['it is not in the directory', 'akimat-nowhere', directory],
    ['it is out of service', 'roads-dept', directoryOf([CENTRAL, FALLBACK, 'district'])],
  ])('passes over a suggestion when %s, and follows the rules', (_why, suggestedId, dir) => {
    const outcome = decideTransfer(held(), { decliningId: 'district', suggestedId }, dir, limits);
    expect(outcome).toMatchObject({ decision: TransferDecision.rule });
    expect(outcome).not.toMatchObject({ organizationId: suggestedId });
  });

  it('passes over a suggestion of a body that declined the appeal before', () => {
    const outcome = decideTransfer(
      held({ holderId: FALLBACK, declinedBy: new Set(['roads-dept']), transfers: 1 }),
      { decliningId: FALLBACK, suggestedId: 'roads-dept' },
      directory,
      limits,
    );
    expect(outcome).toEqual({
      organizationId: 'district',
      decision: TransferDecision.rule,
      ruleId: 'bostandyk-roads',
      transferCount: 2,
    });
  });

  it('follows the most specific rule whose body has not declined, naming the rule', () => {
    expect(decideTransfer(held(), { decliningId: 'district' }, directory, limits)).toEqual({
      organizationId: 'roads-dept',
      decision: TransferDecision.rule,
      ruleId: 'almaty-roads',
      transferCount: 1,
    });
  });

  it("falls back to the akimat of the appeal's region when every rule's body declined", () => {
    const onlyDepartments = rules.filter((rule) => rule.organizationId !== FALLBACK);
    const outcome = decideTransfer(
      held({ holderId: 'roads-dept', declinedBy: new Set(['district']), transfers: 1 }),
      { decliningId: 'roads-dept' },
      directoryOf([CENTRAL, FALLBACK, 'roads-dept', 'district'], onlyDepartments),
      limits,
    );
    expect(outcome).toEqual({
      organizationId: FALLBACK,
      decision: TransferDecision.fallback,
      transferCount: 2,
    });
  });

  it('sends the appeal to the central reception when no body is left that has not declined it', () => {
    expect(
      decideTransfer(
        held({ holderId: FALLBACK, declinedBy: new Set(['district', 'roads-dept']), transfers: 1 }),
        { decliningId: FALLBACK },
        directory,
        { ...limits, maxTransfers: 5 },
      ),
    ).toEqual({ organizationId: CENTRAL, decision: TransferDecision.noCandidate, transferCount: 2 });
  });

  it('sends the appeal to the central reception once it has been transferred the configured number of times', () => {
    expect(
      decideTransfer(
        held({ holderId: 'roads-dept', declinedBy: new Set(['district', FALLBACK]), transfers: 2 }),
        { decliningId: 'roads-dept', suggestedId: 'akimat-astana' },
        directory,
        limits,
      ),
    ).toEqual({ organizationId: CENTRAL, decision: TransferDecision.transferLimit, transferCount: 3 });
  });

  it('sends an appeal routed before routing kept its facts to the central reception', () => {
    expect(
      decideTransfer(
        held({ appeal: null }),
        { decliningId: 'district', suggestedId: FALLBACK },
        directory,
        limits,
      ),
    ).toMatchObject({ organizationId: CENTRAL, decision: TransferDecision.noCandidate });
  });

  it('refuses a request from a body that does not hold the appeal (a stale or repeated request)', () => {
    expect(
      decideTransfer(
        held({ holderId: 'roads-dept', declinedBy: new Set(['district']), transfers: 1 }),
        { decliningId: 'district' },
        directory,
        limits,
      ),
    ).toMatchObject({ refused: RefusalCode.notTheHolder });
  });

  it("lets the central reception's triage forward a case past the limit, never to a body that declined it", () => {
    const triaged = held({
      holderId: CENTRAL,
      declinedBy: new Set(['district', 'roads-dept']),
      transfers: 3,
    });
    expect(
      decideTransfer(triaged, { decliningId: CENTRAL, suggestedId: 'district' }, directory, limits),
    ).toEqual({
      organizationId: FALLBACK,
      decision: TransferDecision.rule,
      ruleId: 'almaty',
      transferCount: 4,
    });
  });

  it('keeps the case at the central reception when it declines and no one else is left', () => {
    const triaged = held({
      holderId: CENTRAL,
      declinedBy: new Set(['district', 'roads-dept', FALLBACK]),
      transfers: 3,
    });
    expect(decideTransfer(triaged, { decliningId: CENTRAL }, directory, limits)).toMatchObject({
      refused: RefusalCode.sameBody,
    });
  });
});

describe('decideTransfer, over any directory and any run of declines', () => {
  const bodies = ['akimat-almaty', 'akimat-astana', 'dept-a', 'dept-b', 'dept-c', 'dept-d', 'inactive'];
  const rule = fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    katoPrefix: fc.constantFrom('75', '7511', '751110', '71'),
    category: fc.option(fc.constantFrom('roads.repair', 'housing'), { nil: null }),
    kind: fc.option(fc.constantFrom('complaint', 'request'), { nil: null }),
    organizationId: fc.constantFrom(...bodies, CENTRAL),
  });
  const scenario = fc.record({
    rules: fc.array(rule, { maxLength: 8 }),
    appeal: fc.record({
      regionKato: fc.constantFrom('751110000', '711010000', '751210000'),
      category: fc.constantFrom('roads.repair', 'housing'),
      kind: fc.constantFrom('complaint', 'request'),
    }),
    firstHolder: fc.constantFrom(...bodies),
    maxTransfers: fc.integer({ min: 0, max: 6 }),
    /** What each declining operator suggests, if anything. */
    suggestions: fc.array(fc.option(fc.constantFrom(...bodies, CENTRAL), { nil: undefined }), {
      minLength: 10,
      maxLength: 10,
    }),
  });

  it('never hands a case to a body that declined it, and reaches the central reception within the limit', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const dir = directoryOf([CENTRAL, ...bodies.filter((body) => body !== 'inactive')], s.rules);
        const bounds = { maxTransfers: s.maxTransfers, centralReceptionId: CENTRAL };
        let state: TransferCase = {
          appeal: s.appeal,
          holderId: s.firstHolder,
          declinedBy: new Set(),
          transfers: 0,
        };
        // Every holder but the central reception declines; the run ends when the case reaches it.
        for (const suggestedId of s.suggestions) {
          if (state.holderId === CENTRAL) break;
          const outcome: TransferOutcome = decideTransfer(
            state,
            { decliningId: state.holderId, suggestedId },
            dir,
            bounds,
          );
          if ('refused' in outcome) throw new Error(`refused ${outcome.refused}`);
          const declinedBy = new Set([...state.declinedBy, state.holderId]);
          expect(declinedBy.has(outcome.organizationId)).toBe(false);
          expect(dir.isActive(outcome.organizationId)).toBe(true);
          expect(outcome.transferCount).toBe(state.transfers + 1);
          if (outcome.organizationId !== CENTRAL)
            expect(outcome.transferCount).toBeLessThanOrEqual(s.maxTransfers);
          if (outcome.decision === TransferDecision.transferLimit)
            expect(outcome.transferCount).toBe(s.maxTransfers + 1);
          if (outcome.decision === TransferDecision.rule) expect(outcome.ruleId).toBeDefined();
          else expect(outcome.ruleId).toBeUndefined();
          state = {
            ...state,
            holderId: outcome.organizationId,
            declinedBy,
            transfers: outcome.transferCount,
          };
        }
        expect(state.holderId).toBe(CENTRAL);
        expect(state.transfers).toBeLessThanOrEqual(s.maxTransfers + 1);
      }),
    );
  });

  it('refuses every request from a body that does not hold the case, whatever it suggests', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...bodies),
        fc.constantFrom(...bodies),
        fc.option(fc.constantFrom(...bodies), { nil: undefined }),
        (holderId, decliningId, suggestedId) => {
          fc.pre(holderId !== decliningId);
          const outcome = decideTransfer(held({ holderId }), { decliningId, suggestedId }, directory, limits);
          expect(outcome).toMatchObject({ refused: RefusalCode.notTheHolder });
        },
      ),
    );
  });
});
