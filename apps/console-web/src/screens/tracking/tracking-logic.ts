import type { PublicAnswer, PublicCaseStatus } from '@app/contracts/console-api/tracking';
import { TRACKING_NUMBER_PATTERN } from '@app/contracts/tracking-number';

/** An example in the form intake issues, for the field's hint. */
export const TRACKING_NUMBER_EXAMPLE = 'KZ-2026-7K3M-9Q2X';

export type TrackingNumberInput = { ok: true; value: string } | { ok: false; problem: 'required' | 'format' };

/**
 * A tracking number as a citizen may type it: spaces anywhere and lower case are forgiven (the server does the
 * same), anything else not of intake's form is refused before a request is spent on it. The console checks it
 * again: this only spares a request for a number that cannot be one.
 */
export function readTrackingNumber(input: string): TrackingNumberInput {
  const value = input.replace(/\s+/g, '').toUpperCase();
  if (value === '') return { ok: false, problem: 'required' };
  return TRACKING_NUMBER_PATTERN.test(value) ? { ok: true, value } : { ok: false, problem: 'format' };
}

export function trackPath(trackingNumber: string): string {
  return `/track/${encodeURIComponent(trackingNumber)}`;
}

/** The steps the page has words for; a step added later is shown as "another step" until it has its own. */
export const KNOWN_STEPS = [
  'registered',
  'routed',
  'transferred',
  'deadline-assigned',
  'accepted',
  'escalated',
  'taken-under-control',
  'responded',
  'resolved',
  'reopened',
] as const;

/** The i18n key (namespace `tracking`) of a step's words. */
export function stepKey(step: string): string {
  return (KNOWN_STEPS as readonly string[]).includes(step) ? `steps.${step}` : 'steps.other';
}

/** The statuses `common:status.*` names; another one is shown as it is. */
const KNOWN_STATUSES = ['registered', 'new', 'in-work', 'transfer-pending', 'answered', 'resolved'];

export function statusKey(status: string): string | undefined {
  return KNOWN_STATUSES.includes(status) ? `common:status.${status}` : undefined;
}

/** The holder in words: its name, else its level (an escalation names no body), else nothing known yet. */
export type Holder = { kind: 'name'; name: string } | { kind: 'level'; levelKey: string } | { kind: 'none' };

const KNOWN_LEVELS = ['regional-akimat', 'akim-office', 'central-reception'];

export function holderOf(view: Pick<PublicCaseStatus, 'organizationName' | 'level'>): Holder {
  if (view.organizationName) return { kind: 'name', name: view.organizationName };
  if (view.level && KNOWN_LEVELS.includes(view.level))
    return { kind: 'level', levelKey: `common:level.${view.level}` };
  return { kind: 'none' };
}

/** The answer notice of the status page: shown while the answer is the citizen's to accept or reject. */
export function answerNoticeOf(view: Pick<PublicCaseStatus, 'status' | 'answeredAt'>): string | undefined {
  return view.status === 'answered' && view.answeredAt ? view.answeredAt : undefined;
}

/** The link's two parameters, as notification writes them; null when either is missing. */
export function answerLinkOf(search: URLSearchParams): { response: string; secret: string } | null {
  const response = search.get('response')?.trim();
  const secret = search.get('secret')?.trim();
  return response && secret ? { response, secret } : null;
}

/**
 * What the answer page offers: a decision; only a rejection, once the body closed the case (the citizen may still
 * disagree, and a rejection reopens it); the decision already taken; the notice of a newer answer; or the notice
 * that the case no longer waits for one (it was reopened, on a rejection received on paper).
 */
export type AnswerStage = 'decide' | 'reject-only' | 'decided' | 'replaced' | 'closed';

export function answerStageOf(
  answer: Pick<PublicAnswer, 'current' | 'decision' | 'caseStatus'>,
): AnswerStage {
  if (answer.decision !== null) return 'decided';
  if (!answer.current) return 'replaced';
  if (answer.caseStatus === 'answered') return 'decide';
  return answer.caseStatus === 'resolved' ? 'reject-only' : 'closed';
}

export const REASON_MAX_LENGTH = 2000;

/** The optional reason of a rejection: trimmed, none when blank (the API refuses a blank one). */
export function reasonOf(input: string): string | undefined {
  const reason = input.trim();
  return reason === '' ? undefined : reason;
}
