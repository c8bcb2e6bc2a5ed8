import { findRegionByKato, type Board, type RegionOnBoard } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseScopeOf } from '../../../access/case-scope';
import type { Principal } from '../../../access/principal';
import { CaseStatus } from '../../case-status';
import { regionOf } from '../../read-model/case-fold';
import { scopeCondition } from '../../read-model/scope-condition';
import { SqlParams } from '../../read-model/sql-params';
import { CaseLists } from '../case-list';
import { OPEN_STATUSES } from '../deadline-marks';
import type { BoardQuery } from './board.query';

/**
 * The central reception's board: every escalated case not yet resolved, counted by region (most first) and
 * listed longest-escalated first. A supervisor sees the board of their own region.
 */
@Injectable()
export class EscalationBoard {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lists: CaseLists,
  ) {}

  async show(principal: Principal, query: BoardQuery): Promise<Board> {
    // One parameter list per statement: PostgreSQL refuses a parameter that its statement does not use.
    const escalated = (params: SqlParams, region?: string) =>
      `c.escalation_count > 0 AND c.status <> ${params.add(CaseStatus.resolved)} AND ${scopeCondition(caseScopeOf(principal), params)}` +
      (region ? ` AND c.scope_region_kato = ${params.add(regionOf(region))}` : '');
    const byRegion = new SqlParams();
    const [regions, cases] = await Promise.all([
      this.dataSource.query<RegionOnBoard[]>(
        `SELECT c.scope_region_kato AS "regionKato", count(*)::int AS escalated,
                (count(*) FILTER (WHERE c.status = ANY(${byRegion.add(OPEN_STATUSES)}) AND c.due_at < now()))::int AS overdue,
                (count(*) FILTER (WHERE c.under_control_by IS NOT NULL))::int AS "underControl"
         FROM console.case_file c WHERE ${escalated(byRegion)}
         GROUP BY c.scope_region_kato ORDER BY escalated DESC, c.scope_region_kato`,
        byRegion.values,
      ),
      this.lists.page({
        reader: { principal, action: 'case.board' },
        where: (params) => escalated(params, query.region),
        orderBy: () => 'c.escalated_at ASC NULLS LAST, c.appeal_id',
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      }),
    ]);
    return {
      regions: regions.map((region) => {
        const known = findRegionByKato(region.regionKato);
        return known ? { ...region, name: { ...known.name } } : region;
      }),
      cases,
    };
  }
}
