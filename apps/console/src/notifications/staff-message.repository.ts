import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SqlParams } from '../cases/read-model/sql-params';
import { messageScopeCondition, type MessagePlace, type MessageScope } from './message-scope';
import type { StaffMessage } from './staff-message';

interface Row {
  seq: string;
  id: string;
  organization_id: string;
  appeal_id: string;
  tracking_number: string;
  event_type: string;
  template: string;
  title: StaffMessage['title'];
  body: StaffMessage['body'];
  sent_at: Date;
  created_at: Date;
}

const COLUMNS =
  'm.seq, m.id, m.organization_id, m.appeal_id, m.tracking_number, m.event_type, m.template, m.title, m.body, m.sent_at, m.created_at';

function message(row: Row): StaffMessage {
  return {
    seq: Number(row.seq),
    id: row.id,
    organizationId: row.organization_id,
    appealId: row.appeal_id,
    trackingNumber: row.tracking_number,
    eventType: row.event_type,
    template: row.template,
    title: row.title,
    body: row.body,
    sentAt: row.sent_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}

export type NewStaffMessage = Omit<StaffMessage, 'seq' | 'createdAt'>;

/** Every statement on console.staff_message and staff_message_read; reads and marks apply the caller's scope. */
@Injectable()
export class StaffMessageRepository {
  /**
   * Keeps the messages in one statement, in order; answers the place of each one kept (a message whose id is
   * kept already is left out), with its case's region as the read model has it now.
   */
  async insertAll(
    manager: EntityManager,
    messages: readonly NewStaffMessage[],
  ): Promise<Array<MessagePlace & { seq: number }>> {
    if (messages.length === 0) return [];
    const column = <K extends keyof NewStaffMessage>(key: K): Array<NewStaffMessage[K]> =>
      messages.map((message) => message[key]);
    const rows = await manager.query<Array<{ seq: string; organization_id: string; region: string | null }>>(
      `INSERT INTO console.staff_message
         (id, organization_id, appeal_id, tracking_number, event_type, template, title, body, sent_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[],
         $7::jsonb[], $8::jsonb[], $9::timestamptz[])
       ON CONFLICT (id) DO NOTHING
       RETURNING seq, organization_id,
         (SELECT c.scope_region_kato FROM console.case_file c WHERE c.appeal_id = staff_message.appeal_id) AS region`,
      [
        column('id'),
        column('organizationId'),
        column('appealId'),
        column('trackingNumber'),
        column('eventType'),
        column('template'),
        messages.map((message) => JSON.stringify(message.title)),
        messages.map((message) => JSON.stringify(message.body)),
        column('sentAt'),
      ],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      organizationId: row.organization_id,
      scopeRegionKato: row.region,
    }));
  }

  async bySeq(manager: EntityManager, seq: number): Promise<StaffMessage | undefined> {
    const rows = await manager.query<Row[]>(
      `SELECT ${COLUMNS} FROM console.staff_message m WHERE m.seq = $1`,
      [seq],
    );
    return rows[0] && message(rows[0]);
  }

  /** Newest first, those before `before` (a seq) when given; one more than `limit` tells whether a page follows. */
  async page(
    manager: EntityManager,
    scope: MessageScope,
    userId: string,
    options: { before?: number; limit: number; unread: boolean },
  ): Promise<Array<{ message: StaffMessage; read: boolean }>> {
    const params = new SqlParams();
    const user = params.add(userId);
    const conditions = [messageScopeCondition(scope, params)];
    if (options.before !== undefined) conditions.push(`m.seq < ${params.add(options.before)}`);
    if (options.unread) conditions.push('r.user_id IS NULL');
    const rows = await manager.query<Array<Row & { read: boolean }>>(
      `SELECT ${COLUMNS}, r.user_id IS NOT NULL AS read
       FROM console.staff_message m
       LEFT JOIN console.staff_message_read r ON r.message_seq = m.seq AND r.user_id = ${user}
       WHERE ${conditions.join(' AND ')}
       ORDER BY m.seq DESC LIMIT ${params.add(options.limit + 1)}`,
      params.values,
    );
    return rows.map((row) => ({ message: message(row), read: row.read }));
  }

  /** False when no message in the scope has this id (it may exist for another organisation). */
  async markRead(manager: EntityManager, scope: MessageScope, userId: string, id: string): Promise<boolean> {
    const params = new SqlParams();
    const user = params.add(userId);
    const rows = await manager.query<unknown[]>(
      `WITH target AS (
         SELECT m.seq FROM console.staff_message m
         WHERE m.id = ${params.add(id)} AND ${messageScopeCondition(scope, params)}
       ), marked AS (
         INSERT INTO console.staff_message_read (message_seq, user_id)
         SELECT seq, ${user} FROM target ON CONFLICT DO NOTHING
       )
       SELECT 1 FROM target`,
      params.values,
    );
    return rows.length > 0;
  }

  /** Marks every message of the scope read for the user; answers how many were unread. */
  async markAllRead(manager: EntityManager, scope: MessageScope, userId: string): Promise<number> {
    const params = new SqlParams();
    const user = params.add(userId);
    const rows = await manager.query<Array<{ marked: number }>>(
      `WITH marked AS (
         INSERT INTO console.staff_message_read (message_seq, user_id)
         SELECT m.seq, ${user} FROM console.staff_message m WHERE ${messageScopeCondition(scope, params)}
         ON CONFLICT DO NOTHING RETURNING 1
       )
       SELECT count(*)::int AS marked FROM marked`,
      params.values,
    );
    return rows[0]?.marked ?? 0;
  }
}
