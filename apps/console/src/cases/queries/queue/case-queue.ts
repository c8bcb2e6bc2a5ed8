import { Injectable } from '@nestjs/common';
import { caseScopeOf } from '../../../access/case-scope';
import type { Principal } from '../../../access/principal';
import { regionOf } from '../../read-model/case-fold';
import { scopeCondition } from '../../read-model/scope-condition';
import type { SqlParams } from '../../read-model/sql-params';
import { CaseLists } from '../case-list';
import type { CaseSummary, Page } from '@app/contracts';
import { OPEN_STATUSES } from '../deadline-marks';
import { QueueSort, type QueueQuery } from './queue.query';

const SORT_COLUMNS: Record<QueueSort, string> = {
  [QueueSort.due]: 'c.due_at',
  [QueueSort.received]: 'c.received_at',
  [QueueSort.updated]: 'c.updated_at',
};

/** The caller's queue: the cases of its scope, by default those still owed an answer, soonest deadline first. */
@Injectable()
export class CaseQueue {
  constructor(private readonly lists: CaseLists) {}

  list(principal: Principal, query: QueueQuery): Promise<Page<CaseSummary>> {
    const scope = caseScopeOf(principal);
    const where = (params: SqlParams) => {
      const conditions = [scopeCondition(scope, params)];
      const status = query.status ?? 'open';
      if (status === 'open') conditions.push(`c.status = ANY(${params.add(OPEN_STATUSES)})`);
      else if (status !== 'all') conditions.push(`c.status = ${params.add(status)}`);
      if (query.level) conditions.push(`c.level = ${params.add(query.level)}`);
      if (query.category) conditions.push(`c.category = ${params.add(query.category)}`);
      if (query.region) conditions.push(`c.scope_region_kato = ${params.add(regionOf(query.region))}`);
      if (query.overdue) {
        const overdue = `(c.status = ANY(${params.add(OPEN_STATUSES)}) AND c.due_at < now())`;
        conditions.push(query.overdue === 'true' ? overdue : `NOT coalesce(${overdue}, false)`);
      }
      return conditions.join(' AND ');
    };
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    return this.lists.page({
      reader: { principal, action: 'case.list' },
      where,
      orderBy: () => `${SORT_COLUMNS[query.sort ?? QueueSort.due]} ${direction} NULLS LAST, c.appeal_id`,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }
}
