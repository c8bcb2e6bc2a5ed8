import { startOfKazakhstanDay } from '@app/calendar';
import { findRegionByKato, type Figures, type RegionFigures, type WeekFigures } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseScopeOf, type CaseScope } from '../../../access/case-scope';
import type { Principal } from '../../../access/principal';
import { scopeCondition } from '../../read-model/scope-condition';
import { SqlParams } from '../../read-model/sql-params';
import { OPEN_STATUSES } from '../deadline-marks';
import type { FiguresQuery } from './figures.query';
import { weekStarts } from './weeks';

type RegionTotals = Omit<RegionFigures, 'weeks' | 'answeredOnTimePercent' | 'name'>;

interface WeekRow extends Omit<WeekFigures, 'week'> {
  regionKato: string;
  week: string;
}

/** Per-region figures for the dashboard, in the caller's scope, week by week (weeks start on Monday, UTC+5). */
@Injectable()
export class RegionFiguresReport {
  constructor(private readonly dataSource: DataSource) {}

  async report(principal: Principal, query: FiguresQuery): Promise<Figures> {
    const weeks = weekStarts(new Date(), query.weeks ?? 8);
    const since = startOfKazakhstanDay(weeks[0]).toISOString();
    const scope = caseScopeOf(principal);
    const [totals, weekly] = await Promise.all([this.totals(scope, since), this.weekly(scope, since)]);
    return {
      since,
      weeks: weeks.length,
      regions: totals
        .filter((region) => region.received + region.answered + region.escalated + region.overdueNow > 0)
        .map((region) => {
          const known = findRegionByKato(region.regionKato);
          return {
            ...region,
            ...(known && { name: { ...known.name } }),
            answeredOnTimePercent:
              region.answered === 0
                ? null
                : Math.round((region.answeredOnTime * 1000) / region.answered) / 10,
            weeks: weeks.map((start) => {
              const row = weekly.find(
                (entry) => entry.regionKato === region.regionKato && entry.week === start,
              );
              return {
                week: start,
                received: row?.received ?? 0,
                answered: row?.answered ?? 0,
                answeredOnTime: row?.answeredOnTime ?? 0,
                escalated: row?.escalated ?? 0,
              };
            }),
          };
        }),
    };
  }

  private totals(scope: CaseScope, since: string): Promise<RegionTotals[]> {
    const params = new SqlParams();
    const from = params.add(since);
    return this.dataSource.query<RegionTotals[]>(
      `SELECT c.scope_region_kato AS "regionKato",
              (count(*) FILTER (WHERE c.received_at >= ${from}))::int AS received,
              (count(*) FILTER (WHERE c.responded_at >= ${from}))::int AS answered,
              (count(*) FILTER (WHERE c.responded_at >= ${from} AND c.answered_on_time))::int AS "answeredOnTime",
              (count(*) FILTER (WHERE c.escalated_at >= ${from}))::int AS escalated,
              (count(*) FILTER (WHERE c.status = ANY(${params.add(OPEN_STATUSES)}) AND c.due_at < now()))::int AS "overdueNow"
       FROM console.case_file c WHERE ${scopeCondition(scope, params)}
       GROUP BY c.scope_region_kato ORDER BY c.scope_region_kato`,
      params.values,
    );
  }

  /** Received, answered and escalated, each counted in the week (Monday, UTC+5) it happened. */
  private weekly(scope: CaseScope, since: string): Promise<WeekRow[]> {
    const params = new SqlParams();
    const from = params.add(since);
    const inScope = scopeCondition(scope, params);
    const week = (column: string) =>
      `to_char(date_trunc('week', ${column} AT TIME ZONE INTERVAL '+05:00'), 'YYYY-MM-DD')`;
    return this.dataSource.query<WeekRow[]>(
      `SELECT region AS "regionKato", week, sum(received)::int AS received, sum(answered)::int AS answered,
              sum(on_time)::int AS "answeredOnTime", sum(escalated)::int AS escalated
       FROM (
         SELECT c.scope_region_kato AS region, ${week('c.received_at')} AS week,
                1 AS received, 0 AS answered, 0 AS on_time, 0 AS escalated
         FROM console.case_file c WHERE c.received_at >= ${from} AND ${inScope}
         UNION ALL
         SELECT c.scope_region_kato, ${week('c.responded_at')}, 0, 1, coalesce(c.answered_on_time::int, 0), 0
         FROM console.case_file c WHERE c.responded_at >= ${from} AND ${inScope}
         UNION ALL
         SELECT c.scope_region_kato, ${week('c.escalated_at')}, 0, 0, 0, 1
         FROM console.case_file c WHERE c.escalated_at >= ${from} AND ${inScope}
       ) happened
       GROUP BY region, week`,
      params.values,
    );
  }
}
