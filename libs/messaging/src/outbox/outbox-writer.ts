import type { CloudEvent } from '@app/contracts';
import { assertSqlIdentifier } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { encodeCloudEvent, STRUCTURED_CONTENT_TYPE } from '../cloudevent-codec';
import { childTraceparent, currentTraceparent, TRACEPARENT_HEADER } from '../trace-context';

export interface OutboxEntry {
  topic: string;
  /** Partition key: the appeal id on the events topic, so one appeal's events stay in order. */
  key: string;
  event: CloudEvent;
}

interface OutboxRow {
  topic: string;
  key: string;
  payload: string;
  headers: string;
}

/** Writes events into the outbox inside the caller's transaction; the relay publishes them after commit. */
export class OutboxWriter {
  private readonly table: string;
  private readonly listeners: Array<() => void> = [];
  /** Rows held back until the end of a transaction that handles many events, to be written in one statement. */
  private readonly deferred = new WeakMap<EntityManager, OutboxRow[]>();

  constructor(schema: string) {
    this.table = `${assertSqlIdentifier(schema)}.outbox_message`;
  }

  async add(manager: EntityManager, entries: OutboxEntry[]): Promise<void> {
    // The trace context is read now, in the handler's context, even when the write is deferred.
    const rows = entries.map((entry) => ({
      topic: entry.topic,
      key: entry.key,
      payload: encodeCloudEvent(entry.event),
      headers: JSON.stringify({
        'content-type': STRUCTURED_CONTENT_TYPE,
        [TRACEPARENT_HEADER]: childTraceparent(currentTraceparent()),
      }),
    }));
    const pending = this.deferred.get(manager);
    if (pending) pending.push(...rows);
    else await this.insert(manager, rows);
  }

  /** Runs `work` in `manager`'s transaction, writing every outbox row it adds in one statement at the end. */
  async collect<T>(manager: EntityManager, work: () => Promise<T>): Promise<T> {
    const pending: OutboxRow[] = [];
    this.deferred.set(manager, pending);
    try {
      const result = await work();
      await this.insert(manager, pending);
      return result;
    } finally {
      this.deferred.delete(manager);
    }
  }

  /** Called by whoever commits a transaction with outbox rows, so the relay need not wait for its next poll. */
  notifyCommitted(): void {
    for (const listener of this.listeners) listener();
  }

  onCommitted(listener: () => void): void {
    this.listeners.push(listener);
  }

  private async insert(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    const values = rows.flatMap((row) => [row.topic, row.key, row.payload, row.headers]);
    const placeholders = rows.map((_, index) => {
      const base = index * 4;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::jsonb)`;
    });
    await manager.query(
      `INSERT INTO ${this.table} (topic, message_key, payload, headers) VALUES ${placeholders.join(', ')}`,
      values,
    );
  }
}
