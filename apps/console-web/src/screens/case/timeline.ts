import type { CaseTimelineEntry } from '@app/contracts/console-api/cases';
import { EventTypes, NotificationEventTypes } from '@app/contracts/event-types';

/**
 * A timeline entry in words, without i18n: the screen translates each phrase with `t(key, values)` (keys of
 * the `case` namespace unless they name another, e.g. `common:level.…`), and falls back to `fallback` (a code
 * from the data) when it has no words for it. Free text (reasons, notes) is shown as text, never as HTML, and
 * the data is never dumped whole.
 */
export interface Phrase {
  key: string;
  values?: Record<string, string | number>;
  fallback?: string;
}

export type DetailValue =
  | { kind: 'text'; text: string; multiline?: boolean }
  | { kind: 'phrase'; phrase: Phrase }
  | { kind: 'time'; iso: string };

export interface TimelineDetail {
  /** A key of the `case` namespace: `timeline.field.<name>`. */
  label: string;
  value: DetailValue;
}

export interface TimelineDescription {
  title: Phrase;
  actor: Phrase | null;
  details: TimelineDetail[];
  /** A message that did not reach someone: the page marks it as a problem, in words too. */
  problem: boolean;
}

/** `kz.appeals.routed.v1` → `routed`; the notification outcome gets its own name. */
export function shortTypeOf(type: string): string {
  return /^kz\.appeals\.([a-z-]+)\.v\d+$/.exec(type)?.[1] ?? type;
}

export const TIMELINE_TITLE_KEYS: Readonly<Record<string, string>> = Object.freeze({
  ...Object.fromEntries(
    Object.values(EventTypes).map((type) => [type, `timeline.type.${shortTypeOf(type)}`]),
  ),
  [NotificationEventTypes.failed]: 'timeline.type.notification-failed',
});

/** Codes the page has words for; any other shows as the code itself. */
export const TRANSFER_DECISIONS = [
  'suggested',
  'rule',
  'fallback',
  'transfer-limit',
  'no-candidate',
] as const;
export const ESCALATION_REASONS = ['overdue', 'answer-rejected', 'manual', 'deadline-missed'] as const;
export const REFUSAL_CODES = [
  'beyond-legal-limit',
  'not-later',
  'clock-stopped',
  'at-last-level',
  'not-the-holder',
  'not-answered',
  'same-body',
] as const;
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'in-app', 'webhook'] as const;
export const RECIPIENT_KINDS = ['citizen', 'organization'] as const;
export const ACTOR_KINDS = ['staff', 'citizen', 'system'] as const;
export const DEADLINE_CAUSES = ['routed', 'transferred', 'extended', 'reopened'] as const;
export const APPEAL_KINDS = ['application', 'complaint', 'proposal', 'request', 'response'] as const;

const ACTOR_FIELDS = [
  'acceptedBy',
  'respondedBy',
  'resolvedBy',
  'reopenedBy',
  'requestedBy',
  'decidedBy',
  'takenBy',
  'transferredBy',
  'escalatedBy',
] as const;

const WORKING_DAYS = /^(\d+) working days?$/;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** A code in words (`<prefix>.<code>`); the code itself where the page has no words for it. */
export function codePhrase(prefix: string, code: string): Phrase {
  return { key: `${prefix}.${code}`, fallback: code };
}

export function levelPhrase(level: string): Phrase {
  return { key: `common:level.${level}`, fallback: level };
}

export function policyPhrase(policy: string): Phrase {
  const days = WORKING_DAYS.exec(policy);
  return days
    ? { key: 'deadline.workingDays', values: { count: Number(days[1]) } }
    : { key: 'deadline.policyOther', values: { policy } };
}

/** Who took the step: staff and services by their id (events never carry names), the citizen as such. */
export function actorOf(data: Record<string, unknown>): Phrase | null {
  for (const field of ACTOR_FIELDS) {
    const actor = data[field];
    if (actor && typeof actor === 'object') {
      const kind = str((actor as Record<string, unknown>).kind) ?? 'other';
      const id = str((actor as Record<string, unknown>).id) ?? '';
      return {
        key: (ACTOR_KINDS as readonly string[]).includes(kind)
          ? `timeline.actor.${kind}`
          : 'timeline.actor.other',
        values: { id },
      };
    }
  }
  return null;
}

class Details {
  readonly list: TimelineDetail[] = [];

  text(name: string, value: unknown, multiline = false): this {
    const text = str(value);
    if (text !== undefined)
      this.list.push({ label: `timeline.field.${name}`, value: { kind: 'text', text, multiline } });
    return this;
  }

  number(name: string, value: unknown): this {
    const n = num(value);
    if (n !== undefined)
      this.list.push({ label: `timeline.field.${name}`, value: { kind: 'text', text: String(n) } });
    return this;
  }

  time(name: string, value: unknown): this {
    const iso = str(value);
    if (iso !== undefined && !Number.isNaN(Date.parse(iso)))
      this.list.push({ label: `timeline.field.${name}`, value: { kind: 'time', iso } });
    return this;
  }

  phrase(name: string, value: unknown, toPhrase: (code: string) => Phrase): this {
    const code = str(value);
    if (code !== undefined)
      this.list.push({ label: `timeline.field.${name}`, value: { kind: 'phrase', phrase: toPhrase(code) } });
    return this;
  }
}

const known = (prefix: string) => (code: string) => codePhrase(prefix, code);

/** The words for one timeline entry: its title, who did it, and the details its data has. */
export function describeEntry(entry: Pick<CaseTimelineEntry, 'type' | 'data'>): TimelineDescription {
  const data = entry.data ?? {};
  const details = new Details();
  const titleKey = TIMELINE_TITLE_KEYS[entry.type];
  let title: Phrase = titleKey
    ? { key: titleKey }
    : { key: 'timeline.type.unknown', values: { type: entry.type } };
  let problem = false;
  switch (entry.type) {
    case EventTypes.registered:
      details
        .phrase('kind', data.kind, known('kind'))
        .phrase('channel', data.channel, known('intakeChannel'))
        .text('source', data.source);
      break;
    case EventTypes.routed:
      details.text('organization', str(data.organizationName) ?? data.organizationId);
      if (data.isFallback === true)
        details.list.push({
          label: 'timeline.field.route',
          value: { kind: 'phrase', phrase: { key: 'timeline.value.fallbackRoute' } },
        });
      break;
    case EventTypes.transferRequested:
      details.text('reason', data.reason, true).text('suggestedOrganization', data.suggestedOrganizationId);
      break;
    case EventTypes.transferred:
      details
        .text('from', data.fromOrganizationId)
        .text('to', str(data.toOrganizationName) ?? data.toOrganizationId)
        .phrase('decision', data.decision, known('timeline.decision'))
        .text('reason', data.reason, true);
      break;
    case EventTypes.deadlineAssigned:
      details
        .time('dueAt', data.dueAt)
        .phrase('policy', data.policy, policyPhrase)
        .phrase('cause', data.cause, known('deadline.cause'))
        .phrase('level', data.level, levelPhrase);
      break;
    case EventTypes.deadlineWarning:
      details.time('dueAt', data.dueAt).number('workingDaysLeft', data.workingDaysLeft);
      break;
    case EventTypes.deadlineExtended:
      details.time('newDueAt', data.dueAt).text('reason', data.reason, true);
      break;
    case EventTypes.escalationRequested:
      details.text('reason', data.reason, true);
      break;
    case EventTypes.escalated:
      details
        .text('from', data.fromOrganizationId)
        .text('to', data.toOrganizationId)
        .phrase('escalationReason', data.reason, known('timeline.escalationReason'))
        .phrase('level', data.toLevel, levelPhrase)
        .time('missedDueAt', data.dueAt)
        .time('newDueAt', data.newDueAt);
      break;
    case EventTypes.takenUnderControl:
      details.text('note', data.note, true);
      break;
    case EventTypes.actionRefused: {
      const refusedKey = TIMELINE_TITLE_KEYS[str(data.refusedType) ?? ''];
      if (refusedKey)
        details.list.push({
          label: 'timeline.field.refusedStep',
          value: { kind: 'phrase', phrase: { key: refusedKey } },
        });
      const code = str(data.code);
      if (code && (REFUSAL_CODES as readonly string[]).includes(code))
        details.phrase('refusal', code, known('timeline.refusal'));
      else details.text('refusal', data.message ?? code);
      break;
    }
    case NotificationEventTypes.failed: {
      problem = true;
      const recipient = str(data.recipientKind);
      title = {
        key:
          recipient === 'organization'
            ? 'timeline.type.notification-failed-organization'
            : 'timeline.type.notification-failed',
      };
      details
        .phrase('channel', data.channel, known('timeline.channel'))
        .text('failureReason', data.reason)
        .number('attempts', data.attempts);
      const announced = TIMELINE_TITLE_KEYS[str(data.eventType) ?? ''];
      if (announced)
        details.list.push({
          label: 'timeline.field.about',
          value: { kind: 'phrase', phrase: { key: announced } },
        });
      break;
    }
    default:
      break;
  }
  return { title, actor: actorOf(data), details: details.list, problem };
}
