/**
 * The audit actions the console writes (grep `action:` in apps/console/src), each with its key under
 * `admin:actions.`; i18next reads dots as nesting, so the key is the code in camel case.
 */
export const KNOWN_AUDIT_ACTIONS = [
  'case.read',
  'case.list',
  'case.search',
  'case.board',
  'case.accept',
  'case.respond',
  'case.resolve',
  'case.transfer',
  'case.extend',
  'case.escalate',
  'case.take-under-control',
  'case.reopen',
  'user.create',
  'user.update',
  'user.update-own',
  'user.password-reset',
  'login',
  'login.failed',
  'login.throttled',
  'login.blocked',
  'logout',
  'session.revoked',
  'system.create',
  'system.rotate',
  'system.revoke',
  'system.token.refused',
] as const;

/** The personal-data fields a read names (case-page.ts, case-list.ts), each with its key under `admin:fields.`. */
export const KNOWN_PERSONAL_FIELDS = [
  'subject',
  'text',
  'citizen.fullName',
  'citizen.iin',
  'citizen.email',
  'citizen.phone',
  'attachments',
] as const;

/** `case.take-under-control` → `caseTakeUnderControl`. */
export function camelKey(code: string): string {
  return code.replace(/[.\-_]+([a-zA-Z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The i18n key of an action in words, or undefined for one this UI does not know (shown as its code). */
export function actionKey(action: string): string | undefined {
  return (KNOWN_AUDIT_ACTIONS as readonly string[]).includes(action)
    ? `actions.${camelKey(action)}`
    : undefined;
}

export function fieldKey(field: string): string | undefined {
  return (KNOWN_PERSONAL_FIELDS as readonly string[]).includes(field)
    ? `fields.${camelKey(field)}`
    : undefined;
}

const LOGIN_REFUSALS = ['unknown-username', 'wrong-password', 'account-disabled', 'refresh-token-reused'];

/** What an entry's detail adds, in keys the screen can word: the account it concerns, a reason, a count. */
export interface AuditDetail {
  /** The account the entry concerns (user.*, login.failed/blocked, session.revoked), when not the actor. */
  userId?: string;
  /** `admin:reasons.<key>` for a refusal's reason the UI knows, else the raw reason. */
  reasonKey?: string;
  reason?: string;
  /** How many cases a list read showed (`detail.appealIds`). */
  appealCount?: number;
  /** A system's client id (system.*). */
  clientId?: string;
}

export function auditDetailOf(entry: AuditEntryView): AuditDetail {
  const detail = entry.detail ?? {};
  const out: AuditDetail = {};
  if (typeof detail.userId === 'string' && detail.userId !== entry.actorId) out.userId = detail.userId;
  if (typeof detail.reason === 'string') {
    if (LOGIN_REFUSALS.includes(detail.reason)) out.reasonKey = `reasons.${camelKey(detail.reason)}`;
    else out.reason = detail.reason;
  }
  if (Array.isArray(detail.appealIds)) out.appealCount = detail.appealIds.length;
  if (typeof detail.clientId === 'string') out.clientId = detail.clientId;
  return out;
}

/** The audit screen's filters as they live in the URL (dates are Kazakhstan calendar days, `YYYY-MM-DD`). */
export interface AuditFilters {
  actor: string;
  action: string;
  appeal: string;
  fromDate: string;
  toDate: string;
  before: string;
}

const FILTER_KEYS = ['actor', 'action', 'appeal', 'fromDate', 'toDate', 'before'] as const;

export function auditFiltersOf(params: URLSearchParams): AuditFilters {
  const filters = {} as AuditFilters;
  for (const key of FILTER_KEYS) filters[key] = params.get(key)?.trim() ?? '';
  return filters;
}

/** The URL's search params for filters: empty ones left out, so a clean URL means "everything". */
export function searchParamsOf(filters: Partial<AuditFilters>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim();
    if (value) params.set(key, value);
  }
  return params;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isAppealId(value: string): boolean {
  return UUID.test(value.trim());
}

/** The first instant of a Kazakhstan day (UTC+5). */
export function startOfKazakhstanDay(date: string): string {
  return new Date(`${date}T00:00:00+05:00`).toISOString();
}

/** The first instant of the next Kazakhstan day: `to` is exclusive, so a chosen last day is included whole. */
export function startOfNextKazakhstanDay(date: string): string {
  return new Date(new Date(`${date}T00:00:00+05:00`).getTime() + 86_400_000).toISOString();
}

export type AuditFilterProblems = Partial<Record<'appeal' | 'toDate', 'appealId' | 'dateOrder'>>;

export function auditFilterProblems(filters: AuditFilters): AuditFilterProblems {
  const problems: AuditFilterProblems = {};
  if (filters.appeal && !isAppealId(filters.appeal)) problems.appeal = 'appealId';
  if (DATE.test(filters.fromDate) && DATE.test(filters.toDate) && filters.toDate < filters.fromDate)
    problems.toDate = 'dateOrder';
  return problems;
}

export const AUDIT_PAGE_SIZE = 50;

/** The `GET /api/v1/admin/audit` query for valid filters (an invalid one is left out, not sent to be refused). */
export function auditQueryOf(filters: AuditFilters): Record<string, string | number | undefined> {
  const problems = auditFilterProblems(filters);
  const before = Number(filters.before);
  return {
    actor: filters.actor || undefined,
    action: filters.action || undefined,
    appeal: filters.appeal && !problems.appeal ? filters.appeal.toLowerCase() : undefined,
    from: DATE.test(filters.fromDate) ? startOfKazakhstanDay(filters.fromDate) : undefined,
    to: DATE.test(filters.toDate) && !problems.toDate ? startOfNextKazakhstanDay(filters.toDate) : undefined,
    before: Number.isSafeInteger(before) && before > 0 ? before : undefined,
    limit: AUDIT_PAGE_SIZE,
  };
}
import type { AuditEntryView } from '@app/contracts/console-api/admin';
