import {
  EventTypes,
  type AppealReopenedData,
  type AppealRespondedData,
  type AppealResolvedData,
  type AppealRoutedData,
  type AppealTransferredData,
  type CloudEvent,
  type DeadlineExtendedData,
  type EscalationRequestedData,
} from '@app/contracts';
import { OutsideCalendarError } from '@app/calendar';
import {
  appealKey,
  appealsStartedIn,
  ChunkedWork,
  InvalidMessageError,
  refuseIfWrittenMeanwhile,
} from '@app/messaging';
import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AppealClock } from '../clock/appeal-clock';
import { ClockRepository } from '../clock/clock-repository';
import type { ClockRules, ClockStep, Refusal } from '../clock/clock-rules';
import { ClockWriter } from '../clock/clock-writer';
import { deadlineMetrics } from '../clock/deadline-metrics';
import { PolicyBook } from '../policies/policy-book';

export type KeeperOutcome =
  | 'applied'
  | 'skipped-already-watched'
  | 'skipped-unknown-appeal'
  | `refused-${string}`
  | `ignored-${string}`;

type Decision = (rules: ClockRules, clock: AppealClock, now: Date) => ClockStep | Refusal;

/** The clocks a run of `routed` events starts: read before the first of them, written after the last. */
interface StartingClocks {
  /** The run's appeals that have a clock, before the run or from it (lower-case ids). */
  watched: Set<string>;
  clocks: AppealClock[];
}

/**
 * What lifecycle events do to an appeal's clock. Facts (responded, resolved, reopened, transferred) that do
 * not fit the clock are noted and ignored; operators' requests (deadline-extended, escalation-requested) that
 * cannot be carried out are answered with `action-refused`.
 */
@Injectable()
export class ClockKeeper extends ChunkedWork<StartingClocks> {
  private readonly log = new Logger(ClockKeeper.name);

  constructor(
    private readonly clocks: ClockRepository,
    private readonly writer: ClockWriter,
    private readonly policies: PolicyBook,
  ) {
    super();
  }

  /** The clock runs from receipt at intake, not from when routing happened to run. */
  async routed(manager: EntityManager, event: CloudEvent<AppealRoutedData>): Promise<KeeperOutcome> {
    const routed = event.data;
    const rules = await this.policies.rules();
    const now = new Date();
    const step = withinCalendar(() =>
      rules.start(
        {
          appealId: routed.appealId,
          trackingNumber: routed.trackingNumber,
          kind: routed.kind,
          regionKato: routed.regionKato ?? null,
          receivedAt: new Date(routed.receivedAt ?? routed.routedAt),
          organizationId: routed.organizationId,
        },
        now,
      ),
    );
    return this.within(manager, event, async (run) => {
      const key = appealKey(routed.appealId);
      if (run.watched.has(key)) return 'skipped-already-watched';
      run.watched.add(key);
      run.clocks.push(step.clock);
      await this.writer.announce(manager, [step]);
      return 'applied';
    });
  }

  protected async load(manager: EntityManager, events: readonly CloudEvent[]): Promise<StartingClocks> {
    // Every other event of the chunk reads the clock.
    const routed = appealsStartedIn(events, EventTypes.routed, (type) => type !== EventTypes.routed);
    return { watched: await this.clocks.watchedAmong(manager, routed), clocks: [] };
  }

  protected async write(manager: EntityManager, run: StartingClocks): Promise<void> {
    const inserted = await this.clocks.insertAll(manager, run.clocks);
    refuseIfWrittenMeanwhile(inserted, run.clocks.length, "appeals' clocks");
  }

  responded(manager: EntityManager, event: CloudEvent<AppealRespondedData>): Promise<KeeperOutcome> {
    return this.fact(manager, event, (rules, clock) => rules.respond(clock, event.data.organizationId));
  }

  resolved(manager: EntityManager, event: CloudEvent<AppealResolvedData>): Promise<KeeperOutcome> {
    return this.fact(manager, event, (rules, clock) => rules.resolve(clock, event.data.organizationId));
  }

  reopened(manager: EntityManager, event: CloudEvent<AppealReopenedData>): Promise<KeeperOutcome> {
    return this.fact(manager, event, (rules, clock, now) => rules.reopen(clock, event.data.reopenedBy, now));
  }

  transferred(manager: EntityManager, event: CloudEvent<AppealTransferredData>): Promise<KeeperOutcome> {
    const { fromOrganizationId, toOrganizationId } = event.data;
    const transferredAt = new Date(event.data.transferredAt);
    return this.fact(manager, event, (rules, clock, now) => {
      const step = rules.transfer(clock, fromOrganizationId, toOrganizationId, transferredAt, now);
      if ('clock' in step)
        deadlineMetrics.transfers.inc({ in_time: String(rules.forwardedInTime(clock, transferredAt)) });
      return step;
    });
  }

  extended(manager: EntityManager, event: CloudEvent<DeadlineExtendedData>): Promise<KeeperOutcome> {
    const dueAt = new Date(event.data.dueAt);
    return this.request(manager, event, (rules, clock, now) =>
      rules.extend(clock, event.data.organizationId, dueAt, now),
    );
  }

  escalationRequested(
    manager: EntityManager,
    event: CloudEvent<EscalationRequestedData>,
  ): Promise<KeeperOutcome> {
    return this.request(manager, event, (rules, clock, now) =>
      rules.requestEscalation(clock, event.data.requestedBy, now),
    );
  }

  private async fact(
    manager: EntityManager,
    event: CloudEvent<{ appealId: string }>,
    decide: Decision,
  ): Promise<KeeperOutcome> {
    return this.decide(manager, event, decide, async (refusal) => {
      this.log.log({
        msg: 'lifecycle event left the clock as it was',
        type: event.type,
        appealId: event.data.appealId,
        code: refusal.refused,
      });
      return `ignored-${refusal.refused}`;
    });
  }

  private async request(
    manager: EntityManager,
    event: CloudEvent<{ appealId: string; trackingNumber: string }>,
    decide: Decision,
  ): Promise<KeeperOutcome> {
    return this.decide(manager, event, decide, async (refusal) => {
      await this.writer.refuse(manager, event, refusal);
      return `refused-${refusal.refused}`;
    });
  }

  private async decide(
    manager: EntityManager,
    event: CloudEvent<{ appealId: string }>,
    decide: Decision,
    onRefusal: (refusal: Refusal) => Promise<KeeperOutcome>,
  ): Promise<KeeperOutcome> {
    const clock = await this.clocks.lock(manager, event.data.appealId);
    // Not routed yet, or routed before escalation watched it: nothing to move.
    if (!clock) return 'skipped-unknown-appeal';
    const rules = await this.policies.rules();
    const decided = withinCalendar(() => decide(rules, clock, new Date()));
    if ('refused' in decided) return onRefusal(decided);
    await this.writer.apply(manager, [decided]);
    return 'applied';
  }
}

/**
 * A date in an event that no calendar year covers (a receipt in 1990, an extension to 2200) can never be
 * applied, however often it is retried: the event goes to the dead-letter topic at once with the reason.
 */
function withinCalendar<T>(decide: () => T): T {
  try {
    return decide();
  } catch (error) {
    if (error instanceof OutsideCalendarError) throw new InvalidMessageError('invalid-data', error.message);
    throw error;
  }
}
