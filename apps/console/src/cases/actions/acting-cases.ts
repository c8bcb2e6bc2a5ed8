import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseScope } from '../../access/case-scope';
import type { CaseStatus } from '../case-status';
import type { ActingCase } from './acting-case';

interface CaseRow {
  appeal_id: string;
  tracking_number: string;
  source: string;
  status: CaseStatus;
  level: string | null;
  organization_id: string | null;
  responsible_organization_id: string | null;
  scope_region_kato: string;
  due_at: Date | null;
  original_due_at: Date | null;
  under_control_by: string | null;
  response_id: string | null;
  version: number;
}

const COLUMNS = `appeal_id, tracking_number, source, status, level, organization_id, responsible_organization_id,
  scope_region_kato, due_at, original_due_at, under_control_by, response_id, version`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Appeal ids are UUIDs: anything else names no case (and must not reach a uuid column). */
export function isAppealId(value: string): boolean {
  return UUID.test(value);
}

/** The caller's scope as a condition on console.case_file, with its parameter numbered from `next`. */
function scopeCondition(scope: CaseScope, next: number): { sql: string; params: string[] } {
  switch (scope.kind) {
    case 'organization':
      return {
        sql: `(organization_id = $${next} OR responsible_organization_id = $${next})`,
        params: [scope.organizationId],
      };
    case 'region':
      return { sql: `scope_region_kato = $${next}`, params: [scope.regionKato] };
    case 'source':
      return { sql: `source = $${next}`, params: [scope.source] };
    case 'all':
      return { sql: 'true', params: [] };
    case 'none':
      return { sql: 'false', params: [] };
  }
}

function toActingCase(row: CaseRow): ActingCase {
  return {
    appealId: row.appeal_id,
    trackingNumber: row.tracking_number,
    source: row.source,
    status: row.status,
    level: row.level,
    organizationId: row.organization_id,
    responsibleOrganizationId: row.responsible_organization_id,
    scopeRegionKato: row.scope_region_kato,
    dueAt: row.due_at,
    originalDueAt: row.original_due_at,
    underControlBy: row.under_control_by,
    responseId: row.response_id,
    version: row.version,
  };
}

/**
 * Cases as actions load them: locked until the action's transaction ends, so two actions on one case (or an
 * action and the projection of an event from the topic) take turns and the ETag check means something.
 */
@Injectable()
export class ActingCases {
  /** The case if it is in the caller's scope; null for any other (the caller gets 404 either way). */
  async lockInScope(manager: EntityManager, appealId: string, scope: CaseScope): Promise<ActingCase | null> {
    if (!isAppealId(appealId)) return null;
    const condition = scopeCondition(scope, 2);
    const rows = await manager.query<CaseRow[]>(
      `SELECT ${COLUMNS} FROM console.case_file WHERE appeal_id = $1 AND ${condition.sql} FOR UPDATE`,
      [appealId, ...condition.params],
    );
    return rows[0] ? toActingCase(rows[0]) : null;
  }

  async lockByTrackingNumber(manager: EntityManager, trackingNumber: string): Promise<ActingCase | null> {
    const rows = await manager.query<CaseRow[]>(
      `SELECT ${COLUMNS} FROM console.case_file WHERE tracking_number = $1 FOR UPDATE`,
      [trackingNumber.trim().toUpperCase()],
    );
    return rows[0] ? toActingCase(rows[0]) : null;
  }

  /** Where the case stands after the projection applied an action's event. */
  async stateOf(manager: EntityManager, appealId: string): Promise<{ status: string; version: number }> {
    const [row] = await manager.query<Array<{ status: string; version: number }>>(
      `SELECT status, version FROM console.case_file WHERE appeal_id = $1`,
      [appealId],
    );
    return row;
  }
}
