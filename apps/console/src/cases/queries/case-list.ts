import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../../access/principal';
import { AuditLog } from '../../audit/audit-log';
import { caseFileColumns, toCaseFile } from '../read-model/case-files';
import { SqlParams } from '../read-model/sql-params';
import type { CaseSummary, Page } from '@app/contracts';
import { pageOf, summaryOf } from './case-summary';
import { DeadlineMarks } from './deadline-marks';

/**
 * A piece of SQL written into one statement's parameters. Each statement gets its own: PostgreSQL refuses a
 * parameter that its statement does not use.
 */
export type SqlPart = (params: SqlParams) => string;

/** The list's audit entry: who reads, and which list (`case.list`, `case.search`, `case.board`). */
export interface ListReader {
  principal: Principal;
  action: string;
}

export interface CaseListRequest {
  reader: ListReader;
  /** Must include the caller's scope. */
  where: SqlPart;
  orderBy: SqlPart;
  limit: number;
  offset: number;
}

/** What a list shows of the citizen's words: each case's subject. */
const PERSONAL_FIELDS_LISTED = ['subject'];

/**
 * A page of cases (queue, search, board) with its total, each marked overdue or due soon. A list shows each
 * case's subject, the citizen's words: reading it writes an audit entry (the ids of the cases shown, never a
 * search term) in the same transaction.
 */
@Injectable()
export class CaseLists {
  constructor(
    private readonly dataSource: DataSource,
    private readonly marks: DeadlineMarks,
    private readonly audit: AuditLog,
  ) {}

  page({ reader, where, orderBy, limit, offset }: CaseListRequest): Promise<Page<CaseSummary>> {
    return this.dataSource.transaction(async (manager) => {
      const listed = new SqlParams();
      const counted = new SqlParams();
      const rows = await manager.query<Array<Record<string, unknown>>>(
        `SELECT ${caseFileColumns()} FROM console.case_file c WHERE ${where(listed)}
         ORDER BY ${orderBy(listed)} LIMIT ${listed.add(limit)} OFFSET ${listed.add(offset)}`,
        listed.values,
      );
      const [{ total }] = await manager.query<Array<{ total: number }>>(
        `SELECT count(*)::int AS total FROM console.case_file c WHERE ${where(counted)}`,
        counted.values,
      );
      const now = new Date();
      const items = rows.map(toCaseFile).map((file) => summaryOf(file, this.marks.of(file, now)));
      await this.audit.record(manager, reader.principal, [
        {
          action: reader.action,
          fields: PERSONAL_FIELDS_LISTED,
          detail: { appealIds: items.map((item) => item.appealId) },
        },
      ]);
      return pageOf(items, total, limit, offset);
    });
  }
}
