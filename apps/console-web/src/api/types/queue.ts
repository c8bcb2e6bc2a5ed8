/**
 * What the queue and search return: `GET /api/v1/cases` and `GET /api/v1/cases/search?q=` (both a
 * `Page<CaseSummary>`; apps/console/src/cases/queries/case-summary.ts and queue/queue.query.ts).
 */

/** A case in a list: what it is and where it stands, never the citizen's contact. */
export interface CaseSummary {
  appealId: string;
  trackingNumber: string;
  status: string;
  level: string | null;
  kind: string;
  category: string;
  /** The appeal's place (9-digit КАТО). */
  regionKato: string;
  /** The region whose bodies answer for it: what the `region` filter matches. */
  scopeRegionKato: string;
  language: string;
  subject: string;
  organizationId: string | null;
  organizationName: string | null;
  responsibleOrganizationId: string | null;
  receivedAt: string;
  heldSince: string | null;
  dueAt: string | null;
  /** Marked by the server on Kazakhstan's working-day calendar when the page was read. */
  overdue: boolean;
  dueSoon: boolean;
  escalationCount: number;
  escalatedAt: string | null;
  underControl: boolean;
  version: number;
  updatedAt: string;
}

/** A page of a list: `nextOffset` is absent on the last page. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
  nextOffset?: number;
}

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
