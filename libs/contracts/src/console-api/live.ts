/** `GET /api/v1/live`: the console's server-sent events. Pure types. */

/**
 * The data of a `case-changed` event: a case that changed in the caller's scope, with ids, status and deadline
 * only — never the citizen or the text, which a client reads from the case page (an audited read).
 */
export interface LiveCaseChange {
  appealId: string;
  trackingNumber: string;
  /** The case's new version (its ETag). */
  version: number;
  status: string;
  level: string | null;
  dueAt: string | null;
  /** The lifecycle event that changed it. */
  eventType: string;
}
