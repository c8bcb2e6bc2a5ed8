import { assertSqlIdentifier } from '@app/persistence';
import type { DataSource } from 'typeorm';
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
  log?: (message: string) => void;
}

/**
 * Publishes committed outbox rows in id order and deletes them in the same transaction.
 * A crash between send and delete republishes the batch: consumers deduplicate by event id.
 * One relay per schema at a time (advisory lock) keeps each appeal's events in order across replicas.
 * Ids follow insert order, not commit order: per-key order holds because a service writes one appeal's
 * events from transactions that commit one after another (a partition is consumed in order, and a timer
 * fires only on a row an earlier transaction committed).
 */
export class OutboxRelay {
  private readonly table: string;
  private readonly lockKey: string;
  private readonly batchSize: number;
  private readonly idlePollMs: number;
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private pendingWake = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly producer: EventProducer,
    private readonly options: OutboxRelayOptions,
  ) {
    this.table = `${assertSqlIdentifier(options.schema)}.outbox_message`;
    this.lockKey = `outbox:${options.schema}`;
    this.batchSize = options.batchSize ?? 500;
    this.idlePollMs = options.idlePollMs ?? 500;
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
  }

  /** Publishes one batch; returns how many rows it published (0 when idle or another replica holds the lock). */
  async relayOnce(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query<Array<{ locked: boolean }>>(
        'SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked',
        [this.lockKey],
      );
      if (!locked) return 0;
      const rows = await manager.query<OutboxRow[]>(
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
      await manager.query(`DELETE FROM ${this.table} WHERE id = ANY($1::bigint[])`, [
        rows.map((row) => row.id),
      ]);
      messagingMetrics.outboxPublished.inc({ schema: this.options.schema }, rows.length);
      return rows.length;
    });
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
