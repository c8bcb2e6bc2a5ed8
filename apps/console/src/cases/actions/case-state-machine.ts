import { KAZAKHSTAN_OFFSET_MINUTES } from '@app/calendar';
import {
  CENTRAL_RECEPTION_ID,
  RefusalCode,
  regionKatoOfAkimat,
  type CaseAction as ApiCaseAction,
} from '@app/contracts';
import { DateTime, FixedOffsetZone, type DurationLike } from 'luxon';
import { actingOrganizationOf } from '../../access/case-scope';
import type { Principal } from '../../access/principal';
import { CaseStatus } from '../case-status';
import { extensionLimitFromEnv } from './extension-limit';

/** What people do with a case through the console; each becomes a lifecycle event. */
export const CaseAction = {
  accept: 'accept',
  respond: 'respond',
  resolve: 'resolve',
  transfer: 'transfer',
  extend: 'extend',
  escalate: 'escalate',
  takeUnderControl: 'take-under-control',
  reopen: 'reopen',
} as const satisfies Record<string, ApiCaseAction>;
export type CaseAction = (typeof CaseAction)[keyof typeof CaseAction];

export const CASE_ACTIONS: readonly CaseAction[] = Object.freeze(Object.values(CaseAction));

/**
 * Why an action is not open now. Codes that escalation also uses (it re-checks what it carries out and
 * answers with `action-refused`) have the same spelling here.
 */
export const ActionRefusal = {
  /** The caller's role never takes this action. */
  role: 'role-not-allowed',
  /** The caller does not act for the body that holds the case. */
  notTheHolder: RefusalCode.notTheHolder,
  /** A supervisor of another region, or a system that did not submit the appeal. */
  notInScope: 'not-in-scope',
  /** The case's status does not allow the action. */
  status: 'wrong-status',
  /** Resolving or rejecting needs an answer. */
  notAnswered: RefusalCode.notAnswered,
  /** Only the body at the first level (the one routing or a transfer gave it to) declines a case. */
  notFirstLevel: 'not-first-level',
  atLastLevel: RefusalCode.atLastLevel,
  notAtCentralLevel: 'not-at-central-level',
  alreadyUnderControl: 'already-under-control',
  /** Nothing to extend before escalation has set the deadline. */
  noDeadline: 'no-deadline',
  /** An extension is decided before the deadline runs out. */
  deadlinePassed: 'deadline-passed',
  notLater: RefusalCode.notLater,
  beyondLegalLimit: RefusalCode.beyondLegalLimit,
  sameBody: RefusalCode.sameBody,
} as const;
export type ActionRefusal = (typeof ActionRefusal)[keyof typeof ActionRefusal];

export interface Refused {
  allowed: false;
  code: ActionRefusal;
  /** English, with ids and codes only: no personal data. */
  message: string;
}
export type Verdict = { allowed: true } | Refused;

/** What the machine needs to know of a case: the read model's row, in its own words. */
export interface CaseSnapshot {
  status: CaseStatus;
  /** The escalation level; null before routing. */
  level: string | null;
  /** The body that holds the case now (must answer); null before routing. */
  organizationId: string | null;
  /** The first-level body: the one routing or the last transfer gave the case to. */
  responsibleOrganizationId: string | null;
  scopeRegionKato: string;
  /** The `source` of the system that submitted the appeal. */
  source: string;
  dueAt: Date | null;
  /** The level's deadline before any extension: the base of the legal limit. */
  originalDueAt: Date | null;
  /** The member of the central reception following the case, when it is under control. */
  underControlBy: string | null;
}

/** The citizen, proving it with the secret only they received (no account, no principal). */
export interface CitizenCaller {
  kind: 'citizen';
}

export type CaseCaller = Principal | CitizenCaller;

/** The parameters some actions are checked with besides the case and the caller. */
export type ActionParameters =
  | { action: typeof CaseAction.extend; dueAt: Date }
  | { action: typeof CaseAction.transfer; suggestedOrganizationId?: string };

export interface ActionAvailability {
  action: CaseAction;
  allowed: boolean;
  code?: ActionRefusal;
  message?: string;
}

const KAZAKHSTAN_ZONE = FixedOffsetZone.instance(KAZAKHSTAN_OFFSET_MINUTES);

type Check = (facts: CaseSnapshot, caller: CaseCaller, now: Date) => Refused | undefined;

interface ActionRule {
  /** Who may take the action on this case. */
  who: Check;
  /** The statuses it is open in. */
  statuses: readonly CaseStatus[];
  /** What else must hold of the case. */
  conditions: readonly Check[];
}

const ALIVE: readonly CaseStatus[] = [CaseStatus.new, CaseStatus.inWork];
const WITH_ANSWER: readonly CaseStatus[] = [CaseStatus.answered, CaseStatus.resolved];

function refused(code: ActionRefusal, message: string): Refused {
  return { allowed: false, code, message };
}

function callerName(caller: CaseCaller): string {
  return caller.kind === 'staff' ? `the ${caller.role} role` : `a ${caller.kind}`;
}

/** Staff of the holding body: its operators, or the central reception when it holds the case. */
const holder: Check = (facts, caller) => {
  const acting = caller.kind === 'staff' ? actingOrganizationOf(caller) : undefined;
  if (acting === undefined) return refused(ActionRefusal.role, `not open to ${callerName(caller)}`);
  if (acting !== facts.organizationId)
    return refused(
      ActionRefusal.notTheHolder,
      `the case is held by ${facts.organizationId ?? 'no body yet'}`,
    );
  return undefined;
};

/** The citizen's voice: the holder's staff (an answer received on paper), the submitting portal, the citizen. */
const holderOrCitizen: Check = (facts, caller, now) => {
  if (caller.kind === 'citizen') return undefined;
  if (caller.kind === 'system')
    return caller.source === facts.source
      ? undefined
      : refused(ActionRefusal.notInScope, 'the appeal was submitted by another system');
  return holder(facts, caller, now);
};

const supervisorOfRegion: Check = (facts, caller) => {
  if (caller.kind !== 'staff' || caller.role !== 'supervisor')
    return refused(ActionRefusal.role, `not open to ${callerName(caller)}`);
  if (caller.regionKato !== facts.scopeRegionKato)
    return refused(ActionRefusal.notInScope, 'the case belongs to another region');
  return undefined;
};

const centralReception: Check = (_facts, caller) =>
  caller.kind === 'staff' && caller.role === 'central-reception'
    ? undefined
    : refused(ActionRefusal.role, `not open to ${callerName(caller)}`);

/**
 * The holder, or the supervisor of the case's region while that region's akimat, the body it was routed to, holds
 * it: АППК art. 76 lets the head of the body considering the case extend its term, and the supervisor acts for
 * the akim's office over its akimat. Not a department or another body of the region (their heads decide), not
 * the central reception. The extension is still the holding body's (its clock), decided by the supervisor.
 */
const holderOrRegionSupervisor: Check = (facts, caller, now) =>
  caller.kind === 'staff' && caller.role === 'supervisor'
    ? (supervisorOfRegion(facts, caller, now) ?? heldByTheRegionsAkimat(facts, caller, now))
    : holder(facts, caller, now);

const heldByTheRegionsAkimat: Check = (facts, caller, now) =>
  caller.kind === 'staff' &&
  facts.organizationId !== null &&
  regionKatoOfAkimat(facts.organizationId) === caller.regionKato
    ? atFirstLevel(facts, caller, now)
    : refused(ActionRefusal.notTheHolder, "the case is not held by the akimat of the supervisor's region");

const atFirstLevel: Check = (facts) =>
  facts.organizationId !== null && facts.organizationId === facts.responsibleOrganizationId
    ? undefined
    : refused(
        ActionRefusal.notFirstLevel,
        'the case went up the escalation chain: only the body it was routed to declines it',
      );

const belowLastLevel: Check = (facts) =>
  facts.organizationId === CENTRAL_RECEPTION_ID
    ? refused(ActionRefusal.atLastLevel, 'the central reception is the last level of the escalation chain')
    : undefined;

const atCentralLevel: Check = (facts) =>
  facts.organizationId === CENTRAL_RECEPTION_ID
    ? undefined
    : refused(ActionRefusal.notAtCentralLevel, 'the case is not at the central reception');

const notUnderControl: Check = (facts) =>
  facts.underControlBy === null
    ? undefined
    : refused(ActionRefusal.alreadyUnderControl, 'the case is already under control');

const beforeDeadline: Check = (facts, _caller, now) => {
  if (facts.dueAt === null) return refused(ActionRefusal.noDeadline, 'the case has no deadline yet');
  if (facts.dueAt <= now)
    return refused(ActionRefusal.deadlinePassed, 'the deadline has passed: it can no longer be extended');
  return undefined;
};

const RULES: { readonly [A in CaseAction]: ActionRule } = {
  [CaseAction.accept]: {
    who: holder,
    statuses: [CaseStatus.new],
    conditions: [],
  },
  [CaseAction.respond]: {
    who: holder,
    statuses: ALIVE,
    conditions: [],
  },
  [CaseAction.resolve]: {
    who: holderOrCitizen,
    statuses: [CaseStatus.answered],
    conditions: [],
  },
  [CaseAction.transfer]: {
    who: holder,
    statuses: ALIVE,
    conditions: [atFirstLevel],
  },
  [CaseAction.extend]: {
    who: holderOrRegionSupervisor,
    statuses: ALIVE,
    conditions: [beforeDeadline],
  },
  [CaseAction.escalate]: {
    who: supervisorOfRegion,
    statuses: [...ALIVE, CaseStatus.answered],
    conditions: [belowLastLevel],
  },
  [CaseAction.takeUnderControl]: {
    who: centralReception,
    statuses: [...ALIVE, CaseStatus.answered],
    conditions: [atCentralLevel, notUnderControl],
  },
  [CaseAction.reopen]: {
    who: holderOrCitizen,
    statuses: WITH_ANSWER,
    conditions: [],
  },
};

function statusRefusal(action: CaseAction, status: CaseStatus): Refused {
  if ((action === CaseAction.resolve || action === CaseAction.reopen) && !WITH_ANSWER.includes(status))
    return refused(ActionRefusal.notAnswered, `the case has no answer yet (it is ${status})`);
  return refused(ActionRefusal.status, `${action} is not possible while the case is ${status}`);
}

/**
 * Which actions a caller may take on a case now, and why not: the console's one answer to "may I?", asked
 * by every action before it publishes its event and by the case page for its buttons. Escalation and
 * routing re-check what they carry out (their state may be newer than the read model's).
 */
export class CaseStateMachine {
  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly extensionLimit: DurationLike = extensionLimitFromEnv(),
  ) {}

  /** Whether `caller` may take `action` on the case now, regardless of the action's parameters. */
  check(action: CaseAction, facts: CaseSnapshot, caller: CaseCaller): Verdict {
    const rule = RULES[action];
    const now = this.now();
    const refusal =
      rule.who(facts, caller, now) ??
      (rule.statuses.includes(facts.status) ? undefined : statusRefusal(action, facts.status)) ??
      rule.conditions.reduce<Refused | undefined>(
        (found, condition) => found ?? condition(facts, caller, now),
        undefined,
      );
    return refusal ?? { allowed: true };
  }

  /** {@link check}, and the parameters of an extension (the new deadline) or a transfer (the suggested body). */
  checkWith(parameters: ActionParameters, facts: CaseSnapshot, caller: CaseCaller): Verdict {
    const verdict = this.check(parameters.action, facts, caller);
    if (!verdict.allowed) return verdict;
    switch (parameters.action) {
      case CaseAction.extend:
        return this.checkNewDeadline(facts, parameters.dueAt);
      case CaseAction.transfer:
        return parameters.suggestedOrganizationId === facts.organizationId
          ? refused(ActionRefusal.sameBody, 'the suggested body is the one declining the case')
          : verdict;
    }
  }

  /** Every action with whether it is open now: the case page's buttons. */
  allowedActions(facts: CaseSnapshot, caller: CaseCaller): ActionAvailability[] {
    return CASE_ACTIONS.map((action) => {
      const verdict = this.check(action, facts, caller);
      return verdict.allowed
        ? { action, allowed: true }
        : { action, allowed: false, code: verdict.code, message: verdict.message };
    });
  }

  /** The latest deadline an extension may set, or null before the case has one. */
  extensionLimitOf(facts: CaseSnapshot): Date | null {
    const base = facts.originalDueAt ?? facts.dueAt;
    if (base === null) return null;
    // Calendar months in Kazakhstan's zone, as escalation counts them: two months after 31 March is 31 May.
    // The limit is CONSOLE_EXTENSION_LIMIT, which must agree with escalation's legal rule (it re-checks).
    return DateTime.fromJSDate(base, { zone: KAZAKHSTAN_ZONE }).plus(this.extensionLimit).toJSDate();
  }

  private checkNewDeadline(facts: CaseSnapshot, dueAt: Date): Verdict {
    if (facts.dueAt === null || dueAt <= facts.dueAt)
      return refused(
        ActionRefusal.notLater,
        `the new deadline must be later than ${facts.dueAt?.toISOString() ?? 'the current one'}`,
      );
    const limit = this.extensionLimitOf(facts);
    if (limit !== null && dueAt > limit)
      return refused(
        ActionRefusal.beyondLegalLimit,
        `the new deadline is after ${limit.toISOString()}, the legal limit after the original deadline`,
      );
    return { allowed: true };
  }
}
