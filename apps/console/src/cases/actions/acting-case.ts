import type { CaseFile } from '../read-model/case-file';
import type { CaseSnapshot } from './case-state-machine';

/** A case as an action loads it (locked for the transaction): what the state machine asks and the event names. */
export interface ActingCase extends CaseSnapshot {
  appealId: string;
  trackingNumber: string;
  /** The console's id of the answer in force, once the case has one. */
  responseId: string | null;
  /** Counts the events projected onto the case: its ETag. */
  version: number;
}

export function actingCaseOf(file: CaseFile): ActingCase {
  return {
    appealId: file.appealId,
    trackingNumber: file.trackingNumber,
    source: file.source,
    status: file.status,
    level: file.level,
    organizationId: file.organizationId,
    responsibleOrganizationId: file.responsibleOrganizationId,
    scopeRegionKato: file.scopeRegionKato,
    dueAt: file.dueAt === null ? null : new Date(file.dueAt),
    originalDueAt: file.originalDueAt === null ? null : new Date(file.originalDueAt),
    underControlBy: file.underControlBy,
    responseId: file.responseId,
    version: file.version,
  };
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Whether an If-Match header names this version (RFC 9110 §13.1.1): `*` matches any current version; otherwise
 * one of its listed ETags must match strongly, so a weak tag (`W/"7"`) never matches.
 */
export function matchesEtag(ifMatch: string, version: number): boolean {
  if (ifMatch.trim() === '*') return true;
  return ifMatch
    .split(',')
    .map((tag) => tag.trim())
    .includes(etagOf(version));
}
