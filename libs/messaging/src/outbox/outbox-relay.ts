import { assertSqlIdentifier } from '@app/persistence';
import type { DataSource, QueryRunner } from 'typeorm';
import { describeFailure } from '../errors';
import type { EventProducer, OutgoingRecord } from '../event-producer';
import { messagingMetrics } from '../metrics';

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string | null;
  payload: string;
  headers: Record<string, string>;
}

export interface OutboxRelayOptions {
  schema: string;
  batchSize?: number;
  /** How long an idle relay sleeps when nobody wakes it (a safety net: commits wake it at once). */
  idlePollMs?: number;
  /** How often the backlog and the age of its oldest row are measured for the metrics. */
  backlogMeasureMs?: number;
  log?: (message: string) => void;
}

/**
 * Publishes committed outbox rows in id order and deletes the rows the broker acknowledged.
 * A crash between send and delete republishes the batch: consumers deduplicate by event id.
 * One relay per schema at a time keeps each appeal's events in order across replicas: the leader holds a
 * session advisory lock on a connection of its own, so no transaction stays open while Kafka is slow or
 * away (reading the batch and deleting it are two short statements, the send sits between them).
 * Ids follow insert order, not commit order: per-key order holds because a service writes one appeal's
 * events from transactions that commit one after another (a partition is consumed in order, and a timer
 * fires only on a row an earlier transaction committed).
 */
export class OutboxRelay {
  private readonly table: string;
  private readonly lockKey: string;
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  private readonly backlogMeasureMs: number;
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private pendingWake = false;
  /** The connection that holds the leader's lock, while this relay leads. */
  private leadership?: QueryRunner;
  private lastBacklogMeasure = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: EventProducer,
    private readonly options: OutboxRelayOptions,
  ) {
    this.table = `${assertSqlIdentifier(options.schema)}.outbox_message`;
    this.lockKey = `outbox:${options.schema}`;
    this.batchSize = options.batchSize ?? 500;
    this.idlePollMs = options.idlePollMs ?? 500;
    this.backlogMeasureMs = options.backlogMeasureMs ?? 2_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  wake(): void {
    this.pendingWake = true;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.resign();
  }

  /** Publishes one batch; returns how many rows it published (0 when idle or another replica leads). */
  async relayOnce(): Promise<number> {
    if (!(await this.lead())) return 0;
    await this.measureBacklog();
    const rows = await this.dataSource.query<OutboxRow[]>(
      `SELECT id, topic, message_key, payload, headers FROM ${this.table} ORDER BY id LIMIT $1`,
      [this.batchSize],
    );
    if (rows.length === 0) return 0;
    const records: OutgoingRecord[] = rows.map((row) => ({
      topic: row.topic,
      key: row.message_key,
      value: row.payload,
      headers: row.headers,
    }));
    await this.producer.send(records);
    await this.dataSource.query(`DELETE FROM ${this.table} WHERE id = ANY($1::bigint[])`, [
      rows.map((row) => row.id),
    ]);
    messagingMetrics.outboxPublished.inc({ schema: this.options.schema }, rows.length);
    return rows.length;
  }

  /**
   * Whether this relay leads its schema: it holds the lock on a live connection of its own. A dropped
   * connection has released the lock, so it is checked before every batch and taken again.
   */
  private async lead(): Promise<boolean> {
    if (this.leadership) {
      try {
        await this.leadership.query('SELECT 1');
        return true;
      } catch (error) {
        await this.resign();
        throw error;
      }
    }
    const runner = this.dataSource.createQueryRunner();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
        this.lockKey,
      ])) as Array<{ locked: boolean }>;
      if (locked) this.leadership = runner;
      else await runner.release();
      return locked;
    } catch (error) {
      await runner.release().catch(() => undefined);
      throw error;
    }
  }

  private async resign(): Promise<void> {
    const runner = this.leadership;
    this.leadership = undefined;
    if (!runner) return;
    await runner
      .query('SELECT pg_advisory_unlock(hashtext($1))', [this.lockKey])
      .catch(() => undefined)
      .finally(() => runner.release().catch(() => undefined));
  }

  /** Rows waiting and the age of the oldest: what an operator alerts on when Kafka is away. */
  private async measureBacklog(): Promise<void> {
    if (Date.now() - this.lastBacklogMeasure < this.backlogMeasureMs) return;
    this.lastBacklogMeasure = Date.now();
    const [{ rows, age }] = await this.dataSource.query<Array<{ rows: number; age: number | null }>>(
      `SELECT count(*)::int AS rows, extract(epoch FROM now() - min(created_at))::float8 AS age FROM ${this.table}`,
    );
    messagingMetrics.outboxBacklog.set({ schema: this.options.schema }, rows);
    messagingMetrics.outboxOldestAge.set({ schema: this.options.schema }, age ?? 0);
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.running) {
      this.pendingWake = false;
      try {
        const published = await this.relayOnce();
        failures = 0;
        if (published >= this.batchSize) continue;
        if (published > 0 && this.pendingWake) continue;
        await this.sleep(this.idlePollMs);
      } catch (error) {
        failures += 1;
        messagingMetrics.outboxRelayFailures.inc({ schema: this.options.schema });
        const delay = Math.min(200 * 2 ** failures, 10_000);
        this.options.log?.(`outbox relay failed (${describeFailure(error)}); retrying in ${delay} ms`);
        await this.sleep(delay);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.pendingWake || !this.running) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      const wake = (): void => done();
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = wake;
    }).then(() => {
      this.wakeUp = undefined;
    });
  }
}
