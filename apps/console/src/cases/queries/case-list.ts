import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseFileColumns, toCaseFile } from '../read-model/case-files';
import { SqlParams } from '../read-model/sql-params';
import { pageOf, summaryOf, type CaseSummary, type Page } from './case-summary';
import { DeadlineMarks } from './deadline-marks';

/**
 * A piece of SQL written into one statement's parameters. Each statement gets its own: PostgreSQL refuses a
 * parameter that its statement does not use.
 */
export type SqlPart = (params: SqlParams) => string;

export interface CaseListRequest {
  /** Must include the caller's scope. */
  where: SqlPart;
  orderBy: SqlPart;
  limit: number;
  offset: number;
}

/** A page of cases (queue, search, board) with its total, each marked overdue or due soon. */
@Injectable()
export class CaseLists {
  constructor(
    private readonly dataSource: DataSource,
    private readonly marks: DeadlineMarks,
  ) {}

  async page({ where, orderBy, limit, offset }: CaseListRequest): Promise<Page<CaseSummary>> {
    const listed = new SqlParams();
    const counted = new SqlParams();
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<Array<Record<string, unknown>>>(
        `SELECT ${caseFileColumns()} FROM console.case_file c WHERE ${where(listed)}
         ORDER BY ${orderBy(listed)} LIMIT ${listed.add(limit)} OFFSET ${listed.add(offset)}`,
        listed.values,
      ),
      this.dataSource.query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total FROM console.case_file c WHERE ${where(counted)}`,
        counted.values,
      ),
    ]);
    const now = new Date();
    const items = rows.map(toCaseFile).map((file) => summaryOf(file, this.marks.of(file, now)));
    return pageOf(items, total, limit, offset);
  }
}
