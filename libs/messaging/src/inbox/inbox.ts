import { assertSqlIdentifier } from '@app/persistence';
import type { EntityManager } from 'typeorm';
import { payloadFingerprint } from './payload-fingerprint';

export interface InboxEvent {
  source: string;
  id: string;
  type: string;
  data: unknown;
}

/** What a delivery is to a consumer: new, a replay of what it applied, or other content under a used key. */
export type Delivery = 'first' | 'replay' | 'conflict';

/** Identifies an event across publishers: ids are unique only per source. */
export function inboxKey(event: { source: string; id: string }): string {
  return JSON.stringify([event.source, event.id]);
}

interface InboxRow {
  source: string;
  event_id: string;
  payload_sha256: string | null;
}

/** Remembers which events a consumer has applied, in the same transaction as the effect. */
export class Inbox {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${assertSqlIdentifier(schema)}.inbox_message`;
  }

  async recordDelivery(manager: EntityManager, consumer: string, event: InboxEvent): Promise<Delivery> {
    const [delivery] = await this.recordDeliveries(manager, consumer, [event]);
    return delivery;
  }

  /**
   * Records the events a consumer sees for the first time, in one statement, and says what each one is,
   * in order. A key that comes twice in `events` is first once and a replay or a conflict after that.
   */
  async recordDeliveries(
    manager: EntityManager,
    consumer: string,
    events: InboxEvent[],
  ): Promise<Delivery[]> {
    if (events.length === 0) return [];
    const fingerprints = events.map((event) => payloadFingerprint({ type: event.type, data: event.data }));
    const values = events.flatMap((event, index) => [
      consumer,
      event.source,
      event.id,
      event.type,
      fingerprints[index],
    ]);
    const placeholders = events.map((_, index) => {
      const base = index * 5;
      return `($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5})`;
    });
    const inserted = await manager.query<InboxRow[]>(
      `INSERT INTO ${this.table} (consumer, source, event_id, event_type, payload_sha256)
       VALUES ${placeholders.join(', ')}
       ON CONFLICT DO NOTHING RETURNING source, event_id, payload_sha256`,
      values,
    );
    const unclaimed = new Set(inserted.map((row) => inboxKey({ source: row.source, id: row.event_id })));
    const recorded = await this.fingerprintsOf(manager, consumer, events, inserted);
    return events.map((event, index) => {
      const key = inboxKey(event);
      if (unclaimed.delete(key)) return 'first';
      const stored = recorded.get(key);
      return stored === null || stored === fingerprints[index] ? 'replay' : 'conflict';
    });
  }

  /** The stored fingerprint of every event's key: those just inserted, then the others from the table. */
  private async fingerprintsOf(
    manager: EntityManager,
    consumer: string,
    events: InboxEvent[],
    inserted: InboxRow[],
  ): Promise<Map<string, string | null>> {
    const byKey = (row: InboxRow): [string, string | null] => [
      inboxKey({ source: row.source, id: row.event_id }),
      row.payload_sha256,
    ];
    const recorded = new Map(inserted.map(byKey));
    const missing = events.filter((event) => !recorded.has(inboxKey(event)));
    if (missing.length === 0) return recorded;
    const earlier = await manager.query<InboxRow[]>(
      `SELECT source, event_id, payload_sha256 FROM ${this.table}
       WHERE consumer = $1 AND (source, event_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [consumer, missing.map((event) => event.source), missing.map((event) => event.id)],
    );
    for (const row of earlier) recorded.set(...byKey(row));
    return recorded;
  }
}
