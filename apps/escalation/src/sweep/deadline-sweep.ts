import { describeFailure, OutboxWriter } from '@app/messaging';
import { countFromEnv, millisecondsFromEnv, PollingLoop } from '@app/service-kit';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AppealClock } from '../clock/appeal-clock';
import { ClockRepository } from '../clock/clock-repository';
import type { ClockRules, ClockStep } from '../clock/clock-rules';
import { ClockWriter } from '../clock/clock-writer';
import { deadlineMetrics } from '../clock/deadline-metrics';
import { PolicyBook } from '../policies/policy-book';

type Claim = (manager: EntityManager, now: Date, limit: number) => Promise<AppealClock[]>;
type Decide = (rules: ClockRules, clock: AppealClock, now: Date) => ClockStep;

/**
 * Durable timers: the due moments live in PostgreSQL, so a restart loses none. Each pass claims a batch of
 * due clocks with FOR UPDATE SKIP LOCKED (replicas share the work, none waits for another), decides, and
 * writes the clocks and their events in one transaction: a warning point or an escalation fires once. Warnings
 * go first, and an escalation only claims a clock with no warning left, so a late clock still warns first.
 */
@Injectable()
export class DeadlineSweep implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(DeadlineSweep.name);
  private readonly tickMs = millisecondsFromEnv('ESCALATION_TICK_MS', 1000, 10);
  private readonly batch = countFromEnv('ESCALATION_BATCH', 500);
  private readonly setAsideMs = millisecondsFromEnv('ESCALATION_SET_ASIDE_MS', 10 * 60_000, 1000);
  private readonly loop = new PollingLoop(
    // A full batch means more is due: go on at once instead of waiting for the next tick.
    async () => (await this.tick()) >= this.batch,
    this.tickMs,
    (error) => this.log.warn({ msg: 'deadline sweep failed', error: describeFailure(error) }),
  );

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clocks: ClockRepository,
    private readonly writer: ClockWriter,
    private readonly policies: PolicyBook,
    private readonly outbox: OutboxWriter,
  ) {}

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** One batch of warnings, then one of escalations; returns how many clocks it claimed. */
  async tick(): Promise<number> {
    // The database's clock, not this replica's: replicas whose clocks drift still agree on what is due.
    const [{ now }] = await this.dataSource.query<Array<{ now: Date }>>('SELECT now() AS now');
    const rules = await this.policies.rules();
    const warned = await this.pass(this.clocks.claimWarnings.bind(this.clocks), warn, rules, now);
    const escalated = await this.pass(this.clocks.claimOverdue.bind(this.clocks), overdue, rules, now);
    return Math.max(warned, escalated);
  }

  private async pass(claim: Claim, decide: Decide, rules: ClockRules, now: Date): Promise<number> {
    let written = 0;
    const claimed = await this.dataSource.transaction(async (manager) => {
      const clocks = await claim(manager, now, this.batch);
      const steps: ClockStep[] = [];
      const failed: string[] = [];
      for (const clock of clocks) {
        try {
          steps.push(decide(rules, clock, now));
        } catch (error) {
          // One clock that cannot be decided (a policy reaching beyond the calendar) must not hold back the
          // batch it is in: it is set aside for a while and tried again, loudly.
          failed.push(clock.appealId);
          this.log.error({
            msg: 'deadline step failed; clock set aside',
            appealId: clock.appealId,
            error: describeFailure(error),
          });
        }
      }
      written = await this.writer.apply(manager, steps);
      await this.clocks.setAside(manager, failed, new Date(now.getTime() + this.setAsideMs));
      deadlineMetrics.setAside.inc(failed.length);
      return clocks.length;
    });
    if (written > 0) this.outbox.notifyCommitted();
    return claimed;
  }
}

const warn: Decide = (rules, clock, now) => rules.warn(clock, now);
const overdue: Decide = (rules, clock, now) => rules.overdue(clock, now);
