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
  /** The organisation did not answer by the legal deadline. */
  deadlineMissed: 'deadline-missed',
  /** The citizen rejected the answer they were given. */
  answerRejected: 'answer-rejected',
} as const;
export type EscalationReason = (typeof EscalationReason)[keyof typeof EscalationReason];
