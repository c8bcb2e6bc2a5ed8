import type { CaseSummary, Page } from '@app/contracts';
import type { CaseFile } from '../read-model/case-file';
import type { DeadlineMark } from './deadline-marks';

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

export function pageOf<T>(items: T[], total: number, limit: number, offset: number): Page<T> {
  return {
    items,
    total,
    limit,
    offset,
    ...(offset + items.length < total && { nextOffset: offset + items.length }),
  };
}
