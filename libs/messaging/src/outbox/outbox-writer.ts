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

/** Writes events into the outbox inside the caller's transaction; the relay publishes them after commit. */
export class OutboxWriter {
  private readonly table: string;
  private readonly listeners: Array<() => void> = [];

  constructor(schema: string) {
    this.table = `${assertSqlIdentifier(schema)}.outbox_message`;
  }

  async add(manager: EntityManager, entries: OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const values: unknown[] = [];
    const rows = entries.map((entry, index) => {
      const headers = {
        'content-type': STRUCTURED_CONTENT_TYPE,
        [TRACEPARENT_HEADER]: childTraceparent(currentTraceparent()),
      };
      values.push(entry.topic, entry.key, encodeCloudEvent(entry.event), JSON.stringify(headers));
      const base = index * 4;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}::jsonb)`;
    });
    await manager.query(
      `INSERT INTO ${this.table} (topic, message_key, payload, headers) VALUES ${rows.join(', ')}`,
      values,
    );
  }

  /** Called by whoever commits a transaction with outbox rows, so the relay need not wait for its next poll. */
  notifyCommitted(): void {
    for (const listener of this.listeners) listener();
  }

  onCommitted(listener: () => void): void {
    this.listeners.push(listener);
  }
}
