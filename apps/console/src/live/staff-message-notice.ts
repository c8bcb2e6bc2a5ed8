import type { EntityManager } from 'typeorm';
import type { MessagePlace } from '../notifications/message-scope';

/** PostgreSQL channel the console announces arrived in-app messages on; every console instance listens. */
export const STAFF_MESSAGES_CHANNEL = 'console_staff_messages';

/**
 * An in-app message that arrived: where it belongs, and its arrival number to read it by. Not the texts: three
 * languages of title and body can pass the 8000 bytes a notice may carry; each instance reads the row once.
 */
export interface StaffMessageNotice extends MessagePlace {
  seq: number;
}

/** Announced in the caller's transaction: heard only when the message is committed. */
export async function announceStaffMessage(
  manager: EntityManager,
  notice: StaffMessageNotice,
): Promise<void> {
  await manager.query('SELECT pg_notify($1, $2)', [STAFF_MESSAGES_CHANNEL, JSON.stringify(notice)]);
}
