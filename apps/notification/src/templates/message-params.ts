/** Messages to the citizen: an e-mail or an SMS in the appeal's language. */
export const CITIZEN_TEMPLATES = [
  'appeal-registered',
  'appeal-routed',
  'appeal-transferred',
  'deadline-extended',
  'appeal-responded',
  'appeal-escalated',
] as const;

/** Messages to an organisation's staff in the console, in every language (the console shows the user's). */
export const STAFF_TEMPLATES = [
  'appeal-assigned',
  'appeal-transferred-in',
  'deadline-warning',
  'appeal-reopened',
  'appeal-escalated-to',
  'appeal-escalated-from',
] as const;

export type CitizenTemplate = (typeof CITIZEN_TEMPLATES)[number];
export type StaffTemplate = (typeof STAFF_TEMPLATES)[number];

/**
 * What a template may say. A template that uses a param the caller did not give fails to render (strict
 * templates), except the ones a template only shows when present (`{{#if}}`): citizenName, trackUrl,
 * decisionUrl, toCentralReception. Staff templates use no personal data: no name, no text.
 */
export interface MessageParams {
  trackingNumber: string;
  /** Greeting; citizen templates only. */
  citizenName?: string;
  /** routed: the body that answers; transferred: the new body (in the appeal's language). */
  organizationName?: string;
  /** ISO timestamp: deadline-extended (the new date), deadline-warning (the deadline). */
  dueAt?: string;
  /** appeal-responded: the answer itself (may be long; the e-mail carries it whole, the SMS says it is ready); absent in `responded` events written before it was carried. */
  answerText?: string;
  /** appeal-responded: where the citizen accepts or rejects the answer. */
  decisionUrl?: string;
  /** Every citizen message: the public status page of this tracking number. */
  trackUrl?: string;
  /** appeal-escalated(-to/-from): whether the next level is the central reception. */
  toCentralReception?: boolean;
  /** appeal-escalated-to/-from: overdue | answer-rejected | manual | deadline-missed. */
  escalationReason?: string;
}
