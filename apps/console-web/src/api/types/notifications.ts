/**
 * Staff's in-app messages: `GET /api/v1/notifications` (newest first; `unread=true`, `limit` ≤ 200 (50),
 * `before` = the previous page's `nextBefore`), `POST /api/v1/notifications/{id}/read` (204) and
 * `POST /api/v1/notifications/read-all` (200 `{ marked }`); apps/console/src/notifications/notifications.dto.ts.
 * The live stream's `notification` event carries one item (`read: false`).
 */
export interface NotificationItem {
  /** The notification's id. */
  id: string;
  appealId: string;
  trackingNumber: string;
  /** The lifecycle event it announces, e.g. `kz.appeals.routed.v1`. */
  eventType: string;
  template: string;
  /** The caller's language, which title and body are in. */
  language: string;
  title: string;
  body: string;
  sentAt: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage {
  items: NotificationItem[];
  /** Pass as `before` for the next (older) page; null on the last. */
  nextBefore: number | null;
}

export interface ReadAllAnswer {
  /** How many messages were unread and are now read. */
  marked: number;
}

/** The most messages one page may hold. */
export const MAX_NOTIFICATION_PAGE = 200;
