import {
  CENTRAL_RECEPTION_ID,
  EventTypes,
  newCloudEvent,
  Topics,
  type AppealEscalatedData,
  type DeadlineWarningData,
} from '@app/contracts';
import { describeFailure, OutboxWriter, type OutboxEntry } from '@app/messaging';
import { millisecondsFromEnv } from '@app/service-kit';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ESCALATION_EVENT_SOURCE } from '../escalation.definition';
import { deadlineMetrics } from './deadline-metrics';

interface FiredRow {
  appeal_id: string;
  tracking_number: string;
  organization_id: string;
  due_at: Date;
  state: string;
}

const BATCH = 200;

/**
 * Durable timers: the due moments live in PostgreSQL, so a restart loses none. Each tick claims due rows
 * with SKIP LOCKED (replicas share the work), moves their state and writes the event in one transaction:
 * a warning or an escalation is published exactly once.
 */
@Injectable()
export class DeadlineWatch implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger(DeadlineWatch.name);
  private readonly tickMs = millisecondsFromEnv('ESCALATION_TICK_MS', 1000, 10);
  private running = false;
  private loop?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private wake?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
  }

  /** One pass over due warnings, then due escalations; returns how many events it wrote. */
  async tick(): Promise<number> {
    const warned = await this.inTransaction((manager) => this.fireWarnings(manager));
    const escalated = await this.inTransaction((manager) => this.fireEscalations(manager));
    return warned + escalated;
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const fired = await this.tick();
        if (fired >= BATCH) continue;
      } catch (error) {
        this.log.warn({ msg: 'deadline tick failed', error: describeFailure(error) });
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, this.tickMs);
      });
    }
  }

  private async inTransaction(work: (manager: EntityManager) => Promise<number>): Promise<number> {
    const fired = await this.dataSource.transaction(work);
    if (fired > 0) this.outbox.notifyCommitted();
    return fired;
  }

  private async fireWarnings(manager: EntityManager): Promise<number> {
    const [rows] = await manager.query<[FiredRow[], number]>(
      `UPDATE escalation.watched_appeal SET state = 'warned', warned_at = now()
       WHERE appeal_id IN (
         SELECT appeal_id FROM escalation.watched_appeal
         WHERE state = 'watching' AND warn_at <= now() ORDER BY warn_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING appeal_id, tracking_number, organization_id, due_at, state`,
      [BATCH],
    );
    const now = new Date().toISOString();
    await this.outbox.add(
      manager,
      rows.map((row) =>
        lifecycleEntry<DeadlineWarningData>(row.appeal_id, EventTypes.deadlineWarning, {
          appealId: row.appeal_id,
          trackingNumber: row.tracking_number,
          organizationId: row.organization_id,
          dueAt: new Date(row.due_at).toISOString(),
          warnedAt: now,
        }),
      ),
    );
    deadlineMetrics.fired.inc({ step: 'warned' }, rows.length);
    return rows.length;
  }

  private async fireEscalations(manager: EntityManager): Promise<number> {
    const [rows] = await manager.query<[FiredRow[], number]>(
      `UPDATE escalation.watched_appeal
       SET state = CASE WHEN organization_id = $2 THEN 'overdue' ELSE 'escalated' END, escalated_at = now()
       WHERE appeal_id IN (
         SELECT appeal_id FROM escalation.watched_appeal
         WHERE state IN ('watching', 'warned') AND due_at <= now() ORDER BY due_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING appeal_id, tracking_number, organization_id, due_at, state`,
      [BATCH, CENTRAL_RECEPTION_ID],
    );
    const now = new Date().toISOString();
    const escalated = rows.filter((row) => row.state === 'escalated');
    await this.outbox.add(
      manager,
      escalated.map((row) =>
        lifecycleEntry<AppealEscalatedData>(row.appeal_id, EventTypes.escalated, {
          appealId: row.appeal_id,
          trackingNumber: row.tracking_number,
          fromOrganizationId: row.organization_id,
          toOrganizationId: CENTRAL_RECEPTION_ID,
          reason: 'deadline-missed',
          dueAt: new Date(row.due_at).toISOString(),
          escalatedAt: now,
        }),
      ),
    );
    deadlineMetrics.fired.inc({ step: 'escalated' }, escalated.length);
    deadlineMetrics.fired.inc({ step: 'overdue' }, rows.length - escalated.length);
    return rows.length;
  }
}

function lifecycleEntry<T>(appealId: string, type: string, data: T): OutboxEntry {
  return {
    topic: Topics.events,
    key: appealId,
    event: newCloudEvent({ type, source: ESCALATION_EVENT_SOURCE, subject: appealId, data }),
  };
}
