import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DeliveryFailure } from './delivery-failure';

const COLUMNS: ReadonlyArray<[keyof DeliveryFailure, string]> = [
  ['notificationId', 'notification_id'],
  ['appealId', 'appeal_id'],
  ['eventId', 'event_id'],
  ['eventSource', 'event_source'],
  ['announcedEventType', 'announced_event_type'],
  ['channel', 'channel'],
  ['recipientKind', 'recipient_kind'],
  ['organizationId', 'organization_id'],
  ['template', 'template'],
  ['reason', 'reason'],
  ['attempts', 'attempts'],
  ['failedAt', 'failed_at'],
];

/** Every statement on console.delivery_failure. */
@Injectable()
export class DeliveryFailureRepository {
  /** False when this notification's failure is already kept. */
  async insert(manager: EntityManager, failure: DeliveryFailure): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `INSERT INTO console.delivery_failure (${COLUMNS.map(([, column]) => column).join(', ')})
       VALUES (${COLUMNS.map((_, index) => `$${index + 1}`).join(', ')})
       ON CONFLICT (notification_id) DO NOTHING RETURNING 1`,
      COLUMNS.map(([field]) => failure[field]),
    );
    return rows.length > 0;
  }

  async of(manager: EntityManager, appealId: string): Promise<DeliveryFailure[]> {
    const rows = await manager.query<Array<DeliveryFailure & { failedAt: Date }>>(
      `SELECT ${COLUMNS.map(([field, column]) => `${column} AS "${field}"`).join(', ')}
       FROM console.delivery_failure WHERE appeal_id = $1 ORDER BY failed_at, notification_id`,
      [appealId],
    );
    return rows.map((row) => ({ ...row, failedAt: row.failedAt.toISOString() }));
  }
}
