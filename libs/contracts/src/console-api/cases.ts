/**
 * The console's HTTP views of cases: the queue and search (`GET /api/v1/cases`, `GET /api/v1/cases/search`), the
 * case page (`GET /api/v1/cases/:appealId`) and the answer to an action. Pure types: the console and its web UI
 * both read them from here.
 */

/** A case in a list (queue, search, board): what it is and where it stands, never the citizen's contact. */
export interface CaseSummary {
  appealId: string;
  trackingNumber: string;
  status: string;
  level: string | null;
  kind: string;
  category: string;
  /** The appeal's place (9-digit КАТО). */
  regionKato: string;
  /** The region whose bodies answer for it: what the `region` filter matches. */
  scopeRegionKato: string;
  language: string;
  subject: string;
  organizationId: string | null;
  organizationName: string | null;
  responsibleOrganizationId: string | null;
  receivedAt: string;
  heldSince: string | null;
  dueAt: string | null;
  /** Marked on Kazakhstan's working-day calendar when the page was read. */
  overdue: boolean;
  dueSoon: boolean;
  escalationCount: number;
  escalatedAt: string | null;
  underControl: boolean;
  version: number;
  updatedAt: string;
}

/** A page of a list: `nextOffset` is absent on the last page. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  nextOffset?: number;
}

/** What people do with a case through the console (`POST /api/v1/cases/:appealId/actions/:action`). */
export type CaseAction =
  'accept' | 'respond' | 'resolve' | 'transfer' | 'extend' | 'escalate' | 'take-under-control' | 'reopen';

/** The case itself on its page: the summary, the text and what transfers left behind. */
export interface CasePageCase extends CaseSummary {
  text: string;
  channel: string | null;
  transferCount: number;
  declinedOrganizationIds: string[];
}

/** The citizen's contact: personal data, shown on the case page only (reading it is audited). */
export interface CaseCitizen {
  fullName: string;
  iin: string | null;
  email: string | null;
  phone: string | null;
  preferredChannel: string;
}

/** A reference to a file the publisher stores. */
export interface CaseAttachmentView {
  position: number;
  name: string;
  mediaType: string;
  sizeBytes: number;
  url: string;
  sha256: string;
}

/**
 * A timeline entry of the case page: a folded lifecycle event, or a message notification gave up on
 * (`kz.notifications.failed.v1`), which has no place in the fold. Its data has no personal data.
 */
export interface CaseTimelineEntry {
  /** The event's place in the case (its version then); null for a delivery failure, which is no event of the case. */
  position: number | null;
  eventId: string;
  eventSource: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

/**
 * Why the case is due when it is, in the terms of escalation's deadline preview: the day the clock counts from,
 * the policy, the working days, the days off skipped, and what set it (routing, a transfer, an extension, a
 * reopening).
 */
export interface CaseDeadline {
  dueAt: string;
  /** `YYYY-MM-DD` in Kazakhstan. */
  dueOn: string;
  originalDueAt: string | null;
  extended: boolean;
  /** `YYYY-MM-DD` in Kazakhstan. */
  registeredOn: string | null;
  /** routed | transferred | extended | reopened */
  cause: string | null;
  /** '15 working days', or an ISO-8601 duration for drills. */
  policy: string | null;
  /** Null for a policy written as a plain duration (a drill). */
  workingDays: number | null;
  /** Days off between registration and the due day (`YYYY-MM-DD`); `reason` is in the request's Accept-Language. */
  skipped: Array<{ date: string; reason: string }>;
  level: string | null;
  overdue: boolean;
  dueSoon: boolean;
  /** The latest moment an extension may set (CONSOLE_EXTENSION_LIMIT after the original); null when none can. */
  extensionLimit: string | null;
}

/** Another appeal of the same citizen on the same matter: what the case page links to. */
export interface RepeatAppeal {
  appealId: string;
  trackingNumber: string;
  status: string;
  category: string;
  regionKato: string;
  receivedAt: string;
}

/** `GET /api/v1/cases/:appealId`: everything about one case for the people working it (ETag = its version). */
export interface CasePageView {
  case: CasePageCase;
  citizen: CaseCitizen | null;
  attachments: CaseAttachmentView[];
  /** The folded events, and the messages notification gave up on (no position). */
  timeline: CaseTimelineEntry[];
  deadline: CaseDeadline | null;
  repeatAppeals: RepeatAppeal[];
  /** The actions the caller may take now: the state machine's own answer. */
  allowedActions: CaseAction[];
}

/** 202 to an action: the event written, the case's new ETag (for the next If-Match) and status. */
export interface ActionReceipt {
  eventId: string;
  etag: string;
  status: string;
}
