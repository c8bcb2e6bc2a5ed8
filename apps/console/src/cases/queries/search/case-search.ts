import { invalidRequest } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { caseScopeOf } from '../../../access/case-scope';
import type { Principal } from '../../../access/principal';
import { scopeCondition } from '../../read-model/scope-condition';
import type { SqlParams } from '../../read-model/sql-params';
import { CaseLists } from '../case-list';
import type { CaseSummary, Page } from '@app/contracts';
import type { SearchQuery } from './search.query';
import { searchTermsOf } from './search-terms';

/**
 * Full-text search over subject and text in the caller's scope, best match first. A case matches when every
 * word matches as a prefix of a word (Kazakh, whose suffixes PostgreSQL cannot stem) or every word matches
 * stemmed (Russian, English); see the migration of the search document.
 */
@Injectable()
export class CaseSearch {
  constructor(private readonly lists: CaseLists) {}

  search(principal: Principal, query: SearchQuery): Promise<Page<CaseSummary>> {
    const terms = searchTermsOf(query.q);
    if (!terms)
      throw invalidRequest(400, 'invalid-query', [
        { field: 'q', reason: 'q must contain a letter or a digit', code: 'searchNeedsWord' },
      ]);
    const scope = caseScopeOf(principal);
    const matches = (params: SqlParams) =>
      `(to_tsquery('simple', ${params.add(terms.prefixes)}) || to_tsquery('russian', ${params.add(terms.words)}) || to_tsquery('english', ${params.add(terms.words)}))`;
    return this.lists.page({
      reader: { principal, action: 'case.search' },
      where: (params) => `c.search_document @@ ${matches(params)} AND ${scopeCondition(scope, params)}`,
      orderBy: (params) =>
        `ts_rank(c.search_document, ${matches(params)}) DESC, c.received_at DESC, c.appeal_id`,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }
}
