import { invalidRequest } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { caseScopeOf } from '../../../access/case-scope';
import type { Principal } from '../../../access/principal';
import { caseFileColumns, toCaseFile } from '../../read-model/case-files';
import { scopeCondition } from '../../read-model/scope-condition';
import { SqlParams } from '../../read-model/sql-params';
import { pageOf, summaryOf, type CaseSummary, type Page } from '../case-summary';
import { DeadlineMarks } from '../deadline-marks';
import type { SearchQuery } from './search.query';
import { searchTermsOf } from './search-terms';

/**
 * Full-text search over subject and text in the caller's scope, best match first. A case matches when every
 * word matches as a prefix of a word (Kazakh, whose suffixes PostgreSQL cannot stem) or every word matches
 * stemmed (Russian, English); see the migration of the search document.
 */
@Injectable()
export class CaseSearch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly marks: DeadlineMarks,
  ) {}

  async search(principal: Principal, query: SearchQuery): Promise<Page<CaseSummary>> {
    const terms = searchTermsOf(query.q);
    if (!terms)
      throw invalidRequest(400, 'the query has invalid parameters', [
        { field: 'q', reason: 'q must contain a letter or a digit' },
      ]);
    const params = new SqlParams();
    const matches = `(to_tsquery('simple', ${params.add(terms.prefixes)}) || to_tsquery('russian', ${params.add(terms.words)}) || to_tsquery('english', ${params.add(terms.words)}))`;
    const where = `c.search_document @@ ${matches} AND ${scopeCondition(caseScopeOf(principal), params)}`;
    const filterValues = [...params.values];
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [rows, [{ total }]] = await Promise.all([
      this.dataSource.query<Array<Record<string, unknown>>>(
        `SELECT ${caseFileColumns()} FROM console.case_file c WHERE ${where}
         ORDER BY ts_rank(c.search_document, ${matches}) DESC, c.received_at DESC, c.appeal_id
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
