import type { EntityManager } from 'typeorm';
import { notifyInOrder } from './notify-in-order';
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

/** Announced in the caller's transaction, in order: heard only when the messages are committed. */
export function announceStaffMessages(
  manager: EntityManager,
  notices: readonly StaffMessageNotice[],
): Promise<void> {
  return notifyInOrder(manager, STAFF_MESSAGES_CHANNEL, notices);
}
