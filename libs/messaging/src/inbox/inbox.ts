import { assertSqlIdentifier } from '@app/persistence';
import type { EntityManager } from 'typeorm';

/** Remembers which events a consumer has applied, in the same transaction as the effect. */
export class Inbox {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${assertSqlIdentifier(schema)}.inbox_message`;
  }

  /** True the first time (consumer, source, id) is seen; false for a redelivery, whose effect must be skipped. */
  async recordFirstDelivery(
    manager: EntityManager,
    consumer: string,
    event: { source: string; id: string; type: string },
  ): Promise<boolean> {
    const inserted = await manager.query<unknown[]>(
      `INSERT INTO ${this.table} (consumer, source, event_id, event_type) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1 AS inserted`,
      [consumer, event.source, event.id, event.type],
    );
    return inserted.length === 1;
  }
}
