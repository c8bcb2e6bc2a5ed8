/**
 * What the queue and search accept: `GET /api/v1/cases` and `GET /api/v1/cases/search?q=`
 * (apps/console/src/cases/queries/queue/queue.query.ts). What they return, a `Page<CaseSummary>`, is a contract:
 * `@app/contracts/console-api/cases`.
 */

/** The case statuses (apps/console/src/cases/case-status.ts). */
export const CASE_STATUSES = [
  'registered',
  'new',
  'in-work',
  'transfer-pending',
  'answered',
  'resolved',
] as const;

/** The queue's `status`: `open` (registered, new, in-work, transfer-pending; the default), `all`, or one status. */
export const QUEUE_STATUSES = ['open', 'all', ...CASE_STATUSES] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

/** The queue's `sort`: by deadline (default), by receipt, by latest change. */
export const QUEUE_SORTS = ['due', 'received', 'updated'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** The escalation chain's level codes (escalation.escalation_level); the API accepts any lower-case code. */
export const CASE_LEVELS = ['regional-akimat', 'akim-office', 'central-reception'] as const;

/** Most cases a page may hold (`limit` ≤ 100) and the deepest `offset` (10 000). */
export const MAX_PAGE = 100;
export const MAX_OFFSET = 10_000;

/** `q` of the search: 1-200 characters with at least one letter or digit. */
export const MAX_SEARCH_LENGTH = 200;
