import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseScopeOf } from '../../../access/case-scope';
import type { Principal } from '../../../access/principal';
import { regionOf } from '../../read-model/case-fold';
import { caseFileColumns, toCaseFile } from '../../read-model/case-files';
import { scopeCondition } from '../../read-model/scope-condition';
import { SqlParams } from '../../read-model/sql-params';
import { pageOf, summaryOf, type CaseSummary, type Page } from '../case-summary';
import { DeadlineMarks, OPEN_STATUSES } from '../deadline-marks';
import { QueueSort, type QueueQuery } from './queue.query';

const SORT_COLUMNS: Record<QueueSort, string> = {
  [QueueSort.due]: 'c.due_at',
  [QueueSort.received]: 'c.received_at',
  [QueueSort.updated]: 'c.updated_at',
};

/** The caller's queue: the cases of its scope, by default those still owed an answer, soonest deadline first. */
@Injectable()
export class CaseQueue {
  constructor(
    private readonly dataSource: DataSource,
    private readonly marks: DeadlineMarks,
  ) {}

  async list(principal: Principal, query: QueueQuery): Promise<Page<CaseSummary>> {
    const params = new SqlParams();
    const conditions = [scopeCondition(caseScopeOf(principal), params)];
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
    const where = conditions.join(' AND ');
    const direction = query.order === 'desc' ? 'DESC' : 'ASC';
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const filterValues = [...params.values];
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<Array<Record<string, unknown>>>(
        `SELECT ${caseFileColumns()} FROM console.case_file c WHERE ${where}
         ORDER BY ${SORT_COLUMNS[query.sort ?? QueueSort.due]} ${direction} NULLS LAST, c.appeal_id
         LIMIT ${params.add(limit)} OFFSET ${params.add(offset)}`,
        params.values,
      ),
      this.dataSource.query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total FROM console.case_file c WHERE ${where}`,
        filterValues,
      ),
    ]);
    const now = new Date();
    const items = rows.map(toCaseFile).map((file) => summaryOf(file, this.marks.of(file, now)));
    return pageOf(items, total, limit, offset);
  }
}
