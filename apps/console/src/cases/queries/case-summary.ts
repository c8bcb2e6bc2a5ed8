import type { CaseFile } from '../read-model/case-file';
import type { DeadlineMark } from './deadline-marks';

/** A case in a list (queue, search, board): what it is and where it stands, never the citizen's contact. */
export interface CaseSummary {
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
}

export function summaryOf(file: CaseFile, mark: DeadlineMark): CaseSummary {
  return {
    appealId: file.appealId,
    trackingNumber: file.trackingNumber,
    status: file.status,
    level: file.level,
    kind: file.kind,
    category: file.category,
    regionKato: file.regionKato,
    scopeRegionKato: file.scopeRegionKato,
    language: file.language,
    subject: file.subject,
    organizationId: file.organizationId,
    organizationName: file.organizationName,
    responsibleOrganizationId: file.responsibleOrganizationId,
    receivedAt: file.receivedAt,
    heldSince: file.heldSince,
    dueAt: file.dueAt,
    overdue: mark.overdue,
    dueSoon: mark.dueSoon,
    escalationCount: file.escalationCount,
    escalatedAt: file.escalatedAt,
    underControl: file.underControlBy !== null,
    version: file.version,
    updatedAt: file.updatedAt,
  };
}

/** A page of a list: `nextOffset` is absent on the last page. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  nextOffset?: number;
}

export function pageOf<T>(items: T[], total: number, limit: number, offset: number): Page<T> {
  return {
    items,
    total,
    limit,
    offset,
    ...(offset + items.length < total && { nextOffset: offset + items.length }),
  };
}
