import { assertSqlIdentifier } from '@app/persistence';
import type { EntityManager } from 'typeorm';

export interface InboxEvent {
  source: string;
  id: string;
  type: string;
}

/** Identifies an event across publishers: ids are unique only per source. */
export function inboxKey(event: { source: string; id: string }): string {
  return JSON.stringify([event.source, event.id]);
}

/** Remembers which events a consumer has applied, in the same transaction as the effect. */
export class Inbox {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${assertSqlIdentifier(schema)}.inbox_message`;
  }

  /** True the first time (consumer, source, id) is seen; false for a redelivery, whose effect must be skipped. */
  async recordFirstDelivery(manager: EntityManager, consumer: string, event: InboxEvent): Promise<boolean> {
    return (await this.recordFirstDeliveries(manager, consumer, [event])).size === 1;
  }

  /** The keys (see inboxKey) of the events seen for the first time; one statement for many events. */
  async recordFirstDeliveries(
    manager: EntityManager,
    consumer: string,
    events: InboxEvent[],
  ): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const values = events.flatMap((event) => [consumer, event.source, event.id, event.type]);
    const placeholders = events.map((_, index) => {
      const base = index * 4;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4})`;
    });
    const inserted = await manager.query<Array<{ source: string; event_id: string }>>(
      `INSERT INTO ${this.table} (consumer, source, event_id, event_type) VALUES ${placeholders.join(', ')}
       ON CONFLICT DO NOTHING RETURNING source, event_id`,
      values,
    );
    return new Set(inserted.map((row) => inboxKey({ source: row.source, id: row.event_id })));
  }
}
