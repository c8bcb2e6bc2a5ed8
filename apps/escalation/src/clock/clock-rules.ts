import {
  EventTypes,
  RefusalCode,
  regionKatoOfAkimat,
  type ActorData,
  type AppealEscalatedData,
  type DeadlineAssignedData,
  type DeadlineCause,
  type DeadlineWarningData,
  type EscalationReason,
} from '@app/contracts';
import type { EscalationChain } from '../chain/escalation-chain';
import type { DeadlineCalculator, LevelDeadline } from '../deadlines/deadline-calculator';
import type { DeadlinePolicy, LegalRules } from '../policies/deadline-policy';
import { describeSpan } from '../policies/span';
import type { AppealClock } from './appeal-clock';

/** The escalation service acting on its own (deadline passed), as the actor of `escalated`. */
export const ESCALATION_ACTOR: ActorData = { kind: 'system', id: 'escalation' };

export type ClockEvent =
  | { type: typeof EventTypes.deadlineAssigned; data: DeadlineAssignedData }
  | { type: typeof EventTypes.deadlineWarning; data: DeadlineWarningData }
  | { type: typeof EventTypes.escalated; data: AppealEscalatedData };

/** What a rule decided: the clock to store (if it changed) and the events to publish with it. */
export interface ClockStep {
  clock: AppealClock;
  events: ClockEvent[];
}

export interface Refusal {
  refused: RefusalCode;
  message: string;
}

export interface PolicyLookup {
  policyFor(level: string, kind: string): DeadlinePolicy;
  readonly legal: LegalRules;
}

/**
 * Every change of an appeal's clock, as plain decisions over the clock's state: the sweep and the lifecycle
 * handlers load, ask here, and write. Nothing here reads the database or the time of day.
 */
export class ClockRules {
  constructor(
    private readonly chain: EscalationChain,
    private readonly policies: PolicyLookup,
    private readonly calculator: DeadlineCalculator,
  ) {}

  /** A routed appeal starts at its level with the clock from receipt at intake. */
  start(
    appeal: Pick<AppealClock, 'appealId' | 'trackingNumber' | 'kind' | 'regionKato'> & {
      receivedAt: Date;
      organizationId: string;
    },
    now: Date,
  ): ClockStep {
    const position = { routedOrganizationId: appeal.organizationId, regionKato: appeal.regionKato };
    const level = this.chain.startFor(position);
    const clock = this.restart(
      {
        ...appeal,
        routedOrganizationId: appeal.organizationId,
        level,
        organizationId: this.chain.holderAt(level, position) ?? appeal.organizationId,
      },
      // Intake refuses a receipt in the future; one that still comes (a forged or skewed event) starts now.
      appeal.receivedAt > now ? now : appeal.receivedAt,
      now,
    );
    return { clock, events: [assigned(clock, 'routed', now)] };
  }

  /** The next warning: the latest point that has passed, once; earlier passed points are passed over. */
  warn(clock: AppealClock, now: Date): ClockStep {
    const pending = clock.warnings.filter(
      (point) => clock.nextWarnAt !== null && point.at >= clock.nextWarnAt,
    );
    const passed = pending.filter((point) => point.at <= now);
    const fired = passed.at(-1);
    const next = pending.find((point) => point.at > now);
    const updated = { ...clock, nextWarnAt: next?.at ?? null };
    if (!fired) return { clock: updated, events: [] };
    const data: DeadlineWarningData = {
      appealId: clock.appealId,
      trackingNumber: clock.trackingNumber,
      organizationId: clock.organizationId,
      dueAt: clock.dueAt.toISOString(),
      warnedAt: now.toISOString(),
      level: clock.level,
      before: fired.before,
      ...(fired.workingDaysLeft !== undefined && { workingDaysLeft: fired.workingDaysLeft }),
    };
    return { clock: updated, events: [{ type: EventTypes.deadlineWarning, data }] };
  }

  /** The level's deadline passed: up one level, or marked overdue at the last. */
  overdue(clock: AppealClock, now: Date): ClockStep {
    if (this.chain.next(clock.level, clock) === undefined)
      return { clock: { ...clock, state: 'overdue', nextWarnAt: null }, events: [] };
    return this.escalate(clock, 'overdue', ESCALATION_ACTOR, now);
  }

  /** Sends the case to the next level at once; the caller has checked there is one. */
  escalate(clock: AppealClock, reason: EscalationReason, by: ActorData, now: Date): ClockStep {
    const next = this.chain.next(clock.level, clock);
    if (!next) throw new Error(`escalate: ${clock.level} is the last level`);
    const moved = this.restart({ ...clock, level: next.level, organizationId: next.holder }, now, now);
    const data: AppealEscalatedData = {
      appealId: clock.appealId,
      trackingNumber: clock.trackingNumber,
      fromOrganizationId: clock.organizationId,
      toOrganizationId: next.holder,
      reason,
      ...(reason === 'overdue' && { dueAt: clock.dueAt.toISOString() }),
      escalatedAt: now.toISOString(),
      fromLevel: clock.level,
      toLevel: next.level,
      escalatedBy: by,
      newDueAt: moved.dueAt.toISOString(),
    };
    return { clock: moved, events: [{ type: EventTypes.escalated, data }] };
  }

  /** The holder answered: its level's timers stop. A body that no longer holds the case stops nothing. */
  respond(clock: AppealClock, organizationId: string): ClockStep | Refusal {
    // A late answer at the last level still counts: the case leaves the overdue count once answered.
    if (clock.state !== 'running' && clock.state !== 'overdue')
      return refusal(RefusalCode.clockStopped, `the clock is ${clock.state}`);
    if (organizationId !== clock.organizationId)
      return refusal(RefusalCode.notTheHolder, `the case is held at level ${clock.level} by another body`);
    return { clock: { ...clock, state: 'answered', nextWarnAt: null }, events: [] };
  }

  /**
   * The case is settled. Settled by a body that no longer holds it (escalated meanwhile), it stays with the
   * holder, as the console's read model keeps it: the escalation came first.
   */
  resolve(clock: AppealClock, organizationId: string): ClockStep | Refusal {
    if (clock.state === 'resolved') return refusal(RefusalCode.clockStopped, 'the case is already resolved');
    if (organizationId !== clock.organizationId)
      return refusal(RefusalCode.notTheHolder, `the case is held at level ${clock.level} by another body`);
    return { clock: { ...clock, state: 'resolved', nextWarnAt: null }, events: [] };
  }

  /**
   * The citizen rejected the answer: the case goes up at once. At the last level there is nobody above, so
   * the central reception gets a new term to answer again.
   */
  reopen(clock: AppealClock, by: ActorData, now: Date): ClockStep | Refusal {
    // Only an answer can be rejected: a rejection of a case still running would escalate an akimat that
    // has not yet had its say, and one at the last level would restart its term on every repeat.
    if (clock.state !== 'answered' && clock.state !== 'resolved')
      return refusal(
        RefusalCode.notAnswered,
        `the case has no answer to reject (the clock is ${clock.state})`,
      );
    if (this.chain.next(clock.level, clock) !== undefined)
      return this.escalate(clock, 'answer-rejected', by, now);
    const restarted = this.restart(clock, now, now);
    return { clock: restarted, events: [assigned(restarted, 'reopened', now)] };
  }

  /** A supervisor's escalation: from any level but the last, and not of a settled case. */
  requestEscalation(clock: AppealClock, by: ActorData, now: Date): ClockStep | Refusal {
    if (clock.state === 'resolved') return refusal(RefusalCode.clockStopped, 'the case is resolved');
    if (this.chain.next(clock.level, clock) === undefined)
      return refusal(RefusalCode.atLastLevel, `${clock.level} is the last level of the escalation chain`);
    return this.escalate(clock, 'manual', by, now);
  }

  /**
   * A reasoned extension moves the deadline and its warnings, at most the legal limit (two months in total)
   * beyond the level's original deadline (АППК art. 76).
   */
  extend(clock: AppealClock, organizationId: string, dueAt: Date, now: Date): ClockStep | Refusal {
    if (clock.state !== 'running') return refusal(RefusalCode.clockStopped, `the clock is ${clock.state}`);
    if (organizationId !== clock.organizationId)
      return refusal(RefusalCode.notTheHolder, `the case is held at level ${clock.level} by another body`);
    if (dueAt <= clock.dueAt)
      return refusal(RefusalCode.notLater, `the new deadline is not later than ${clock.dueAt.toISOString()}`);
    const limit = this.calculator.beyond(clock.originalDueAt, this.policies.legal.extensionLimit);
    if (dueAt > limit)
      return refusal(
        RefusalCode.beyondLegalLimit,
        `the new deadline is after ${limit.toISOString()}, ${describeSpan(this.policies.legal.extensionLimit)} after the original one`,
      );
    const warnings = this.calculator.warnings(
      clock.startedAt,
      dueAt,
      this.policies.policyFor(clock.level, clock.kind),
    );
    const extended = { ...clock, dueAt, warnings, nextWarnAt: firstAfter(warnings, now) };
    const toldBy = this.calculator.after(now, this.policies.legal.extensionNotice);
    return { clock: extended, events: [assigned(extended, 'extended', now, toldBy)] };
  }

  /**
   * A transfer to the competent body restarts the clock there from the day it receives the appeal (АППК
   * art. 65: forwarded within 3 working days; art. 76: the term runs from receipt). Only the holder transfers.
   */
  transfer(
    clock: AppealClock,
    from: string,
    to: string,
    transferredAt: Date,
    now: Date,
  ): ClockStep | Refusal {
    if (clock.state === 'resolved') return refusal(RefusalCode.clockStopped, 'the case is resolved');
    if (from !== clock.organizationId)
      return refusal(RefusalCode.notTheHolder, `the case is held at level ${clock.level} by another body`);
    // A body cannot forward to itself: that would only restart its own term.
    if (to === from) return refusal(RefusalCode.sameBody, 'a transfer must go to another body');
    // The publisher's clock is not trusted beyond sense: a transfer happens after the case reached the
    // forwarding body and not after escalation heard of it.
    const receivedThere = new Date(
      Math.min(Math.max(transferredAt.getTime(), clock.startedAt.getTime()), now.getTime()),
    );
    const firstLevel = clock.level === this.chain.startFor(clock) && clock.routedOrganizationId === from;
    // At the first level the receiving body starts the case anew, as if routing had chosen it: the central
    // reception forwarding to an akimat puts the case at the akimat's level (it can climb back); an akimat
    // forwarding to the central reception puts it at the last level (nothing above to escalate to).
    // The akim's office above the receiving body is that of its region, not of the forwarding body's.
    const position = { routedOrganizationId: to, regionKato: regionKatoOfAkimat(to) ?? clock.regionKato };
    const moved = this.restart(
      firstLevel
        ? { ...clock, ...position, level: this.chain.startFor(position), organizationId: to }
        : { ...clock, organizationId: to },
      receivedThere,
      now,
    );
    return { clock: moved, events: [assigned(moved, 'transferred', now)] };
  }

  /** Whether a transfer came within the forwarding term counted from receipt at the forwarding body. */
  forwardedInTime(clock: AppealClock, transferredAt: Date): boolean {
    return transferredAt <= this.calculator.after(clock.startedAt, this.policies.legal.forwarding);
  }

  /** The level's clock from `startedAt`, by the policy of the level and kind; state running again. */
  private restart(
    clock: Omit<
      AppealClock,
      | 'startedAt'
      | 'registeredOn'
      | 'policy'
      | 'originalDueAt'
      | 'dueAt'
      | 'warnings'
      | 'nextWarnAt'
      | 'state'
    >,
    startedAt: Date,
    now: Date,
  ): AppealClock {
    const policy = this.policies.policyFor(clock.level, clock.kind);
    const deadline: LevelDeadline = this.calculator.compute(startedAt, policy);
    return {
      ...clock,
      startedAt,
      registeredOn: deadline.registeredOn,
      policy: describeSpan(policy.due),
      originalDueAt: deadline.dueAt,
      dueAt: deadline.dueAt,
      warnings: deadline.warnings,
      nextWarnAt: firstAfter(deadline.warnings, now) ?? lastPassed(deadline.warnings, now),
      state: 'running',
    };
  }
}

/** The first point still ahead; passed points of a moved deadline are not fired again. */
function firstAfter(warnings: AppealClock['warnings'], now: Date): Date | null {
  return warnings.find((point) => point.at > now)?.at ?? null;
}

/** A clock that starts with every warning point behind it still warns once before it escalates. */
function lastPassed(warnings: AppealClock['warnings'], now: Date): Date | null {
  return warnings.filter((point) => point.at <= now).at(-1)?.at ?? null;
}

function refusal(code: RefusalCode, message: string): Refusal {
  return { refused: code, message };
}

function assigned(clock: AppealClock, cause: DeadlineCause, now: Date, citizenToBeToldBy?: Date): ClockEvent {
  const data: DeadlineAssignedData = {
    appealId: clock.appealId,
    trackingNumber: clock.trackingNumber,
    organizationId: clock.organizationId,
    dueAt: clock.dueAt.toISOString(),
    warnAt: (clock.warnings[0]?.at ?? clock.dueAt).toISOString(),
    policy: clock.policy,
    assignedAt: now.toISOString(),
    level: clock.level,
    cause,
    registeredOn: clock.registeredOn,
    ...(citizenToBeToldBy && { citizenToBeToldBy: citizenToBeToldBy.toISOString() }),
  };
  return { type: EventTypes.deadlineAssigned, data };
}
