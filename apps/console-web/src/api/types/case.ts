/**
 * `GET /api/v1/cases/:appealId` (apps/console/src/cases/queries/case-page/case-page.ts, CasePageView) and the
 * answer to `POST /api/v1/cases/:appealId/actions/:action` (ActionReceipt), as the case page reads them.
 */

/** The actions of the state machine (apps/console/src/cases/actions/case-state-machine.ts). */
export type CaseAction =
  'accept' | 'respond' | 'resolve' | 'transfer' | 'extend' | 'escalate' | 'take-under-control' | 'reopen';

export interface CasePageCase {
  appealId: string;
  trackingNumber: string;
  status: string;
  level: string | null;
  kind: string;
  category: string;
  regionKato: string;
  scopeRegionKato: string;
  language: string;
  subject: string;
  organizationId: string | null;
  organizationName: string | null;
  responsibleOrganizationId: string | null;
  receivedAt: string;
  heldSince: string | null;
  dueAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
  escalationCount: number;
  escalatedAt: string | null;
  underControl: boolean;
  version: number;
  updatedAt: string;
  text: string;
  channel: string | null;
  transferCount: number;
  declinedOrganizationIds: string[];
}

/** Personal data: shown on the case page only (reading it is audited). */
export interface CaseCitizen {
  fullName: string;
  iin: string | null;
  email: string | null;
  phone: string | null;
  preferredChannel: string;
}

export interface CaseAttachmentView {
  position: number;
  name: string;
  mediaType: string;
  sizeBytes: number;
  url: string;
  sha256: string;
}

/** A folded lifecycle event, or (position null) a message notification gave up on. Data has no personal data. */
export interface CaseTimelineEntry {
  position: number | null;
  eventId: string;
  eventSource: string;
  type: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface CaseDeadline {
  dueAt: string;
  /** `YYYY-MM-DD` in Kazakhstan. */
  dueOn: string;
  originalDueAt: string | null;
  extended: boolean;
  registeredOn: string | null;
  /** routed | transferred | extended | reopened */
  cause: string | null;
  /** '15 working days', or an ISO-8601 duration for drills. */
  policy: string | null;
  workingDays: number | null;
  /** Days off between registration and the due day; `reason` is in the request's Accept-Language. */
  skipped: Array<{ date: string; reason: string }>;
  level: string | null;
  overdue: boolean;
  dueSoon: boolean;
  /** The latest moment an extension may set; null when none can. */
  extensionLimit: string | null;
}

export interface RepeatAppeal {
  appealId: string;
  trackingNumber: string;
  status: string;
  category: string;
  regionKato: string;
  receivedAt: string;
}

export interface CasePageView {
  case: CasePageCase;
  citizen: CaseCitizen | null;
  attachments: CaseAttachmentView[];
  timeline: CaseTimelineEntry[];
  deadline: CaseDeadline | null;
  repeatAppeals: RepeatAppeal[];
  allowedActions: CaseAction[];
}

/** 202 to an action: the event written, the case's new ETag and status. */
export interface ActionReceipt {
  eventId: string;
  etag: string;
  status: string;
}
