import type { Page } from '@app/contracts/console-api/cases';
import {
  MAX_OFFSET,
  MAX_SEARCH_LENGTH,
  QUEUE_SORTS,
  QUEUE_STATUSES,
  SORT_ORDERS,
  type QueueSort,
  type QueueStatus,
  type SortOrder,
} from '../../api/types/queue';

/** Cases on one page of the queue. */
export const QUEUE_PAGE_SIZE = 25;

/**
 * What the queue screen shows, as kept in the address bar (so a reload, a bookmark or the back button keeps
 * it). `q` set means search results instead of the filtered queue: the search API takes no filters.
 */
export interface QueueView {
  status: QueueStatus;
  level: string;
  category: string;
  region: string;
  overdueOnly: boolean;
  sort: QueueSort;
  order: SortOrder;
  offset: number;
  q: string;
}

export const DEFAULT_VIEW: QueueView = {
  status: 'open',
  level: '',
  category: '',
  region: '',
  overdueOnly: false,
  sort: 'due',
  order: 'asc',
  offset: 0,
  q: '',
};

function oneOf<T extends string>(values: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

function offsetOf(value: string | null): number {
  const offset = Number(value);
  return Number.isInteger(offset) && offset > 0 ? Math.min(offset, MAX_OFFSET) : 0;
}

/**
 * The view an address asks for. Values the API would refuse outright (an unknown status, sort or order, a
 * negative page) fall back to the default; free-text ones (level, category, region, q) are kept as typed so the
 * API's own message can say what is wrong with them, next to the field.
 */
export function viewFromParams(params: URLSearchParams): QueueView {
  return {
    status: oneOf(QUEUE_STATUSES, params.get('status'), DEFAULT_VIEW.status),
    level: params.get('level')?.trim() ?? '',
    category: params.get('category')?.trim() ?? '',
    region: params.get('region')?.trim() ?? '',
    overdueOnly: params.get('overdue') === 'true',
    sort: oneOf(QUEUE_SORTS, params.get('sort'), DEFAULT_VIEW.sort),
    order: oneOf(SORT_ORDERS, params.get('order'), DEFAULT_VIEW.order),
    offset: offsetOf(params.get('offset')),
    q: params.get('q')?.trim() ?? '',
  };
}

/** The address of a view: only what differs from the default, in a stable order. */
export function paramsOfView(view: QueueView): URLSearchParams {
  const params = new URLSearchParams();
  if (view.q) params.set('q', view.q);
  if (view.status !== DEFAULT_VIEW.status) params.set('status', view.status);
  if (view.level) params.set('level', view.level);
  if (view.category) params.set('category', view.category);
  if (view.region) params.set('region', view.region);
  if (view.overdueOnly) params.set('overdue', 'true');
  if (view.sort !== DEFAULT_VIEW.sort) params.set('sort', view.sort);
  if (view.order !== DEFAULT_VIEW.order) params.set('order', view.order);
  if (view.offset > 0) params.set('offset', String(view.offset));
  return params;
}

/** The filters (and sort) changed: back to the first page. The search stays as it was. */
export function withFilters(view: QueueView, filters: Partial<Omit<QueueView, 'offset' | 'q'>>): QueueView {
  return { ...view, ...filters, offset: 0 };
}

/** A new search (or none, with ''): its first page; the filters are kept for when the search is cleared. */
export function withSearch(view: QueueView, q: string): QueueView {
  return { ...view, q: q.trim(), offset: 0 };
}

/** The filters back to the default; a search and the sort stay. */
export function withoutFilters(view: QueueView): QueueView {
  return { ...DEFAULT_VIEW, sort: view.sort, order: view.order, q: view.q };
}

export function isSearch(view: QueueView): boolean {
  return view.q !== '';
}

export type RequestQuery = Record<string, string | number>;

/** `GET /api/v1/cases`: the queue's query for a view. */
export function queueQueryOf(view: QueueView, limit = QUEUE_PAGE_SIZE): RequestQuery {
  const query: RequestQuery = { status: view.status, sort: view.sort, order: view.order, limit };
  if (view.offset > 0) query.offset = view.offset;
  if (view.level) query.level = view.level;
  if (view.category) query.category = view.category;
  if (view.region) query.region = view.region;
  if (view.overdueOnly) query.overdue = 'true';
  return query;
}

/** `GET /api/v1/cases/search`: the search's query for a view (the search takes no filters or sort). */
export function searchQueryOf(view: QueueView, limit = QUEUE_PAGE_SIZE): RequestQuery {
  const query: RequestQuery = { q: view.q, limit };
  if (view.offset > 0) query.offset = view.offset;
  return query;
}

export type SearchProblem = 'needsWord' | 'tooLong';

/** Why the API would refuse this search term, before asking it: it needs a letter or a digit, and ≤ 200 characters. */
export function searchProblemOf(typed: string): SearchProblem | undefined {
  const q = typed.trim();
  if (q.length > MAX_SEARCH_LENGTH) return 'tooLong';
  if (!/[\p{L}\p{N}]/u.test(q)) return 'needsWord';
  return undefined;
}

export interface PageRange {
  /** 1-based number of the first case shown; 0 when there is none. */
  from: number;
  to: number;
  total: number;
  previousOffset?: number;
  nextOffset?: number;
}

/** "26–50 of 73", and where the previous and next buttons go (none before the first or after the last page). */
export function pageRangeOf(
  page: Pick<Page<unknown>, 'items' | 'total' | 'offset' | 'limit' | 'nextOffset'>,
): PageRange {
  const count = page.items.length;
  const range: PageRange = {
    from: count === 0 ? 0 : page.offset + 1,
    to: page.offset + count,
    total: page.total,
  };
  if (page.offset > 0) range.previousOffset = Math.max(0, page.offset - page.limit);
  const next = page.nextOffset ?? (page.offset + count < page.total ? page.offset + count : undefined);
  if (next !== undefined && next <= MAX_OFFSET) range.nextOffset = next;
  return range;
}
