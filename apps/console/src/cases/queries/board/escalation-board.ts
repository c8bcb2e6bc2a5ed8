import { findRegionByKato } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseScopeOf } from '../../../access/case-scope';
import type { Principal } from '../../../access/principal';
import { CaseStatus } from '../../case-status';
import { regionOf } from '../../read-model/case-fold';
import { caseFileColumns, toCaseFile } from '../../read-model/case-files';
import { scopeCondition } from '../../read-model/scope-condition';
import { SqlParams } from '../../read-model/sql-params';
import { pageOf, summaryOf, type CaseSummary, type Page } from '../case-summary';
import { DeadlineMarks, OPEN_STATUSES } from '../deadline-marks';
import type { BoardQuery } from './board.query';

export interface RegionOnBoard {
  regionKato: string;
  /** The region's name in Kazakh, Russian and English; absent for a code outside the 20 regions. */
  name?: { kk: string; ru: string; en: string };
  escalated: number;
  overdue: number;
  underControl: number;
}

export interface Board {
  regions: RegionOnBoard[];
  cases: Page<CaseSummary>;
}

/**
 * The central reception's board: every escalated case not yet resolved, counted by region (most first) and
 * listed longest-escalated first. A supervisor sees the board of their own region.
 */
@Injectable()
export class EscalationBoard {
  constructor(
    private readonly dataSource: DataSource,
    private readonly marks: DeadlineMarks,
  ) {}

  async show(principal: Principal, query: BoardQuery): Promise<Board> {
    const params = new SqlParams();
    const escalated = `c.escalation_count > 0 AND c.status <> ${params.add(CaseStatus.resolved)} AND ${scopeCondition(caseScopeOf(principal), params)}`;
    const open = params.add(OPEN_STATUSES);
    const boardValues = [...params.values];
    const listed = query.region
      ? `${escalated} AND c.scope_region_kato = ${params.add(regionOf(query.region))}`
      : escalated;
    const listValues = [...params.values];
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [regions, rows, [{ total }]] = await Promise.all([
      this.dataSource.query<RegionOnBoard[]>(
        `SELECT c.scope_region_kato AS "regionKato", count(*)::int AS escalated,
                (count(*) FILTER (WHERE c.status = ANY(${open}) AND c.due_at < now()))::int AS overdue,
                (count(*) FILTER (WHERE c.under_control_by IS NOT NULL))::int AS "underControl"
         FROM console.case_file c WHERE ${escalated}
         GROUP BY c.scope_region_kato ORDER BY escalated DESC, c.scope_region_kato`,
        boardValues,
      ),
      this.dataSource.query<Array<Record<string, unknown>>>(
        `SELECT ${caseFileColumns()} FROM console.case_file c WHERE ${listed}
         ORDER BY c.escalated_at ASC NULLS LAST, c.appeal_id
         LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
        params.values,
      ),
      this.dataSource.query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total FROM console.case_file c WHERE ${listed}`,
        listValues,
      ),
    ]);
    const now = new Date();
    return {
      regions: regions.map((region) => {
        const known = findRegionByKato(region.regionKato);
        return known ? { ...region, name: { ...known.name } } : region;
      }),
      cases: pageOf(
        rows.map(toCaseFile).map((file) => summaryOf(file, this.marks.of(file, now))),
        total,
        limit,
        offset,
      ),
    };
  }
}
