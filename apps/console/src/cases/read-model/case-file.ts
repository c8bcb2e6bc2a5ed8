import type { CaseAttachmentView, CaseCitizen, CaseTimelineEntry } from '@app/contracts';
import type { CaseStatus } from '../case-status';

/**
 * One case as the read model holds it (a row of console.case_file). Moments are ISO-8601 strings in UTC, so a
 * case folded in memory and one read back from PostgreSQL compare equal.
 */
export interface CaseFile {
  appealId: string;
  trackingNumber: string;
  source: string;
  sourceEventId: string;
  externalId: string;
  kind: string;
  category: string;
  /** The КАТО code of the place the matter concerns. */
  regionKato: string;
  subject: string;
  text: string;
  language: string;
  channel: string | null;
  receivedAt: string;
  registeredAt: string;
  status: CaseStatus;
  /** The first-level body: the one routing (or a transfer) made answerable. */
  responsibleOrganizationId: string | null;
  /** The region (its 9-digit КАТО code) whose supervisor oversees the case. */
  scopeRegionKato: string;
  /** The body holding the case now (after an escalation, the higher level). */
  organizationId: string | null;
  organizationName: string | null;
  level: string | null;
  /** Since when the holder has it: routed, transferred or escalated to it. */
  heldSince: string | null;
  dueAt: string | null;
  /** The deadline of the level before any extension. */
  originalDueAt: string | null;
  registeredOn: string | null;
  deadlineCause: string | null;
  deadlinePolicy: string | null;
  deadlineAssignedAt: string | null;
  warnedAt: string | null;
  escalatedAt: string | null;
  escalationCount: number;
  transferCount: number;
  declinedOrganizationIds: string[];
  acceptedBy: string | null;
  acceptedAt: string | null;
  respondedAt: string | null;
  answeredOnTime: boolean | null;
  responseId: string | null;
  resolvedAt: string | null;
  underControlBy: string | null;
  underControlAt: string | null;
  citizenKey: string | null;
  /** How many events made this case: the case's ETag, and the position of its newest timeline entry. */
  version: number;
  /** When the newest of those events happened (not when it was projected: a rebuild is identical). */
  updatedAt: string;
}

/** The citizen's contact (console.case_contact): personal data, read only through audited queries. */
export interface CaseContact extends CaseCitizen {
  appealId: string;
}

/** A reference to a file the publisher stores (console.case_attachment). */
export interface CaseAttachment extends CaseAttachmentView {
  appealId: string;
}

/** One event in the case's timeline (console.case_event), its data without personal data. */
export interface TimelineEntry extends Omit<CaseTimelineEntry, 'position'> {
  appealId: string;
  position: number;
}

/** The case's entity tag (HTTP ETag / If-Match): its version, quoted as HTTP wants it. */
export function etagOf(file: Pick<CaseFile, 'version'>): string {
  return `"${file.version}"`;
}
