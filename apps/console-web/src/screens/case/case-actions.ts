import type { CaseAction } from '@app/contracts/console-api/cases';
import { endOfKazakhstanDay, kazakhstanDateOf } from '../../format/kazakhstan-time';

/** The body fields of the actions (apps/console/src/cases/actions/<action>/<action>.request.ts). */
export type FieldName = 'text' | 'reason' | 'suggestedOrganizationId' | 'dueAt' | 'note';

export interface FieldRule {
  name: FieldName;
  control: 'textarea' | 'text' | 'date';
  required: boolean;
  maxLength?: number;
}

/** One action as the page offers it: a confirmation (no body) or a form with these fields. */
export interface ActionForm {
  action: CaseAction;
  /** No body: the page asks "are you sure?" and posts. */
  confirm: boolean;
  fields: readonly FieldRule[];
}

/** RespondRequest.text: Length(1, 20000). */
export const MAX_ANSWER_LENGTH = 20_000;
/** DecisionReasonField (reason, note): Length(1, 2000). */
export const MAX_REASON_LENGTH = 2_000;
/** OptionalOrganizationIdField: Length(1, 128). */
export const MAX_ORGANIZATION_ID_LENGTH = 128;

const reason: FieldRule = {
  name: 'reason',
  control: 'textarea',
  required: true,
  maxLength: MAX_REASON_LENGTH,
};

export const ACTION_FORMS: { readonly [A in CaseAction]: ActionForm } = {
  accept: { action: 'accept', confirm: true, fields: [] },
  respond: {
    action: 'respond',
    confirm: false,
    fields: [{ name: 'text', control: 'textarea', required: true, maxLength: MAX_ANSWER_LENGTH }],
  },
  resolve: { action: 'resolve', confirm: true, fields: [] },
  transfer: {
    action: 'transfer',
    confirm: false,
    fields: [
      reason,
      {
        name: 'suggestedOrganizationId',
        control: 'text',
        required: false,
        maxLength: MAX_ORGANIZATION_ID_LENGTH,
      },
    ],
  },
  extend: {
    action: 'extend',
    confirm: false,
    fields: [{ name: 'dueAt', control: 'date', required: true }, reason],
  },
  escalate: { action: 'escalate', confirm: false, fields: [reason] },
  'take-under-control': {
    action: 'take-under-control',
    confirm: false,
    fields: [{ name: 'note', control: 'textarea', required: true, maxLength: MAX_REASON_LENGTH }],
  },
  reopen: { action: 'reopen', confirm: true, fields: [] },
};

/** The order the buttons appear in: the everyday steps first, the supervisors' and central reception's last. */
export const ACTION_ORDER: readonly CaseAction[] = [
  'accept',
  'respond',
  'extend',
  'transfer',
  'resolve',
  'reopen',
  'escalate',
  'take-under-control',
];

/** The actions to offer: exactly those `allowedActions` names (in ACTION_ORDER), none it does not. */
export function openActions(allowed: readonly string[]): ActionForm[] {
  return ACTION_ORDER.filter((action) => allowed.includes(action)).map((action) => ACTION_FORMS[action]);
}

export type FormValues = Partial<Record<FieldName, string>>;

export type ProblemCode = 'required' | 'tooLong' | 'invalidDate' | 'tooEarly' | 'tooLate';

/** A field's client-side problem: the code names the message (`validation.<code>`), the rest fills it in. */
export interface ClientProblem {
  code: ProblemCode;
  max?: number;
  /** `YYYY-MM-DD`: the earliest or latest date allowed. */
  date?: string;
}

/** The days a new deadline may fall on (`YYYY-MM-DD` in Kazakhstan); `max` null when there is no limit. */
export interface DateBounds {
  min: string;
  max: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

/**
 * The days an extension may choose, each meaning its end (endOfKazakhstanDay): later than the deadline in
 * force (the state machine's `not-later`) and not after `extensionLimit` (`beyond-legal-limit`).
 */
export function extensionBounds(deadline: { dueAt: string; extensionLimit: string | null }): DateBounds {
  const dueDay = kazakhstanDateOf(deadline.dueAt);
  const min =
    Date.parse(endOfKazakhstanDay(dueDay)) > Date.parse(deadline.dueAt) ? dueDay : addDays(dueDay, 1);
  if (deadline.extensionLimit === null) return { min, max: null };
  const limitDay = kazakhstanDateOf(deadline.extensionLimit);
  const max =
    Date.parse(endOfKazakhstanDay(limitDay)) <= Date.parse(deadline.extensionLimit)
      ? limitDay
      : addDays(limitDay, -1);
  return { min, max };
}

/** The client's own checks, the same as the API's (required, not blank, max length, the date's bounds). */
export function validate(
  form: ActionForm,
  values: FormValues,
  bounds?: DateBounds,
): Partial<Record<FieldName, ClientProblem>> {
  const problems: Partial<Record<FieldName, ClientProblem>> = {};
  for (const field of form.fields) {
    const value = values[field.name] ?? '';
    if (value.trim() === '') {
      if (field.required) problems[field.name] = { code: 'required' };
      continue;
    }
    if (field.maxLength !== undefined && value.length > field.maxLength)
      problems[field.name] = { code: 'tooLong', max: field.maxLength };
    else if (field.control === 'date') {
      const date = value.trim();
      if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)))
        problems[field.name] = { code: 'invalidDate' };
      else if (bounds && date < bounds.min) problems[field.name] = { code: 'tooEarly', date: bounds.min };
      else if (bounds?.max && date > bounds.max) problems[field.name] = { code: 'tooLate', date: bounds.max };
    }
  }
  return problems;
}

/** The JSON body of the action: undefined for those without one; a date becomes the end of that day in UTC+5. */
export function requestBody(form: ActionForm, values: FormValues): Record<string, string> | undefined {
  if (form.fields.length === 0) return undefined;
  const body: Record<string, string> = {};
  for (const field of form.fields) {
    const value = (values[field.name] ?? '').trim();
    if (value === '' && !field.required) continue;
    body[field.name] = field.control === 'date' ? endOfKazakhstanDay(value) : value;
  }
  return body;
}

/** The path an action posts to. */
export function actionPath(appealId: string, action: CaseAction): string {
  return `/api/v1/cases/${encodeURIComponent(appealId)}/actions/${action}`;
}

/** The If-Match value for a case read at `version` (the page's ETag is the same string). */
export function ifMatchOf(version: number): string {
  return `"${version}"`;
}

/** The version an ETag (`"7"`) names; 0 for anything else. */
export function versionOf(etag: string | null | undefined): number {
  const version = /^"(\d+)"$/.exec(etag ?? '')?.[1];
  return version ? Number(version) : 0;
}
