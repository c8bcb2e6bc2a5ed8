/** The citizen's public pages: `GET /api/v1/appeals/track/...` and the decision by link. Pure types. */

/** One step of the public timeline: what happened and when, and the body it concerns where that is public. */
export interface PublicStep {
  /** The lifecycle event type's short name: `routed` for `kz.appeals.routed.v1`. */
  step: string;
  at: string;
  /** The body the step handed the case to (a body's name is not personal data). */
  organizationName?: string;
}

/**
 * `GET /api/v1/appeals/track/:trackingNumber`: what anyone holding a tracking number may read: the steps, the
 * holding body and the dates, nobody's data.
 */
export interface PublicCaseStatus {
  trackingNumber: string;
  /** A case status: registered, new, in-work, transfer-pending, answered, resolved. */
  status: string;
  level: string | null;
  /** The holding body's name; null where the read model does not know it (after an escalation). */
  organizationName: string | null;
  registeredAt: string;
  dueAt: string | null;
  /** When the answer in force was given; absent unless the case is answered or resolved. */
  answeredAt?: string;
  timeline: PublicStep[];
}

export type PublicDecision = 'accepted' | 'rejected';

/**
 * `GET /api/v1/appeals/track/:trackingNumber/answer?response=&secret=`: the answer the citizen's link names, for
 * the citizen alone (the secret of the link proves it).
 */
export interface PublicAnswer {
  trackingNumber: string;
  /** The body that answered; null where the read model does not know its name. */
  organizationName: string | null;
  respondedAt: string;
  text: string;
  /** Whether it is still the answer in force (a newer one replaces it, and only that one can be decided on). */
  current: boolean;
  /**
   * Where the case stands now: only an `answered` case waits for the citizen's decision (staff may have closed it,
   * or reopened it on a rejection received on paper).
   */
  caseStatus: string;
  decision: PublicDecision | null;
}

/** The citizen's decision on the answer they were given: accept settles the case, reject escalates it. */
export type CitizenDecision = 'accept' | 'reject';

/** The body of `POST /api/v1/appeals/track/:trackingNumber/decision`: with the secret of the answer message. */
export interface LinkDecisionBody {
  secret: string;
  decision: CitizenDecision;
  /** The citizen's words on the answer (1-2000 characters); stays in the console. */
  reason?: string;
}

/** What the citizen's decision led to (202). */
export interface DecisionReceipt {
  /** The id of the event the decision published (resolved or reopened). */
  eventId: string;
  decision: CitizenDecision;
  /** The case's status now. */
  status: string;
}
