/**
 * Closed vocabularies of the contract, as const objects rather than TS enums so that a plain string
 * literal from JSON or a test fixture ('complaint') is assignable to the type without a cast.
 */

export const AppealKind = {
  application: 'application',
  complaint: 'complaint',
  proposal: 'proposal',
  request: 'request',
  response: 'response',
} as const;
export type AppealKind = (typeof AppealKind)[keyof typeof AppealKind];

/** Languages an appeal is written in and the citizen is answered in. */
export const AppealLanguage = { kk: 'kk', ru: 'ru', en: 'en' } as const;
export type AppealLanguage = (typeof AppealLanguage)[keyof typeof AppealLanguage];

/** How the citizen wants to be told about their appeal. */
export const CitizenChannel = { email: 'email', sms: 'sms' } as const;
export type CitizenChannel = (typeof CitizenChannel)[keyof typeof CitizenChannel];

export const EscalationReason = {
  /** The level's deadline passed without an answer. */
  overdue: 'overdue',
  /** The citizen rejected the answer they were given. */
  answerRejected: 'answer-rejected',
  /** A supervisor sent the case up by hand (`escalation-requested`). */
  manual: 'manual',
  /**
   * Written before the escalation chain by the first release for what is now `overdue`. Never published
   * any more; still read, so that a read model rebuilt from the event log accepts the old events.
   */
  deadlineMissed: 'deadline-missed',
} as const;
export type EscalationReason = (typeof EscalationReason)[keyof typeof EscalationReason];

/** The escalation levels' codes are data (escalation's configuration); on the wire a lower-case code. */
export const LEVEL_CODE = /^[a-z][a-z0-9-]{0,63}$/;
