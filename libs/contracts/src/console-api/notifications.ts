/**
 * Staff's in-app messages: `GET /api/v1/notifications` (newest first; `unread=true`, `limit` ≤ 200 (50),
 * `before` = the previous page's `nextBefore`), `POST /api/v1/notifications/{id}/read` (204) and
 * `POST /api/v1/notifications/read-all`. The live stream's `notification` event carries one message
 * (`read: false`). Pure types.
 */
import type { StaffLanguage } from './admin';

/** One message as a member of staff reads it: in their language, with their own read mark. */
export interface StaffMessageView {
  /** Notification's id of the message. */
  id: string;
  appealId: string;
  trackingNumber: string;
  /** The lifecycle event it announces, e.g. `kz.appeals.routed.v1`. */
  eventType: string;
  template: string;
  /** The caller's language, which title and body are in. */
  language: StaffLanguage;
  title: string;
  body: string;
  /** When notification delivered it. */
  sentAt: string;
  /** When it reached the console. */
  createdAt: string;
  /** Whether the caller has marked it read (marks are per user). */
  read: boolean;
}

export interface NotificationPage {
  items: StaffMessageView[];
  /** Pass as `before` for the next (older) page; null on the last. */
  nextBefore: number | null;
}

/** 200 to `POST /api/v1/notifications/read-all`. */
export interface ReadAllAnswer {
  /** How many messages were unread and are now read. */
  marked: number;
}
