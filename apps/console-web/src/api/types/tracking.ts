/** `GET /api/v1/appeals/track/:trackingNumber`: the public status of an appeal (no personal data). */
export interface PublicCaseStatus {
  trackingNumber: string;
  /** A case status: registered, new, in-work, transfer-pending, answered, resolved. */
  status: string;
  level: string | null;
  /** The holding body; null where the console does not know its name (after an escalation). */
  organizationName: string | null;
  registeredAt: string;
  dueAt: string | null;
  /** When the answer in force was given, while the case is answered or resolved. */
  answeredAt?: string;
  timeline: PublicStep[];
}

export interface PublicStep {
  /** The lifecycle event type's short name: registered, routed, transferred, deadline-assigned, … */
  step: string;
  at: string;
  organizationName?: string;
}

/** `GET /api/v1/appeals/track/:trackingNumber/answer?response=&secret=`: the answer the link names. */
export interface PublicAnswer {
  trackingNumber: string;
  organizationName: string | null;
  respondedAt: string;
  text: string;
  /** Whether it is still the answer in force: only that one can be accepted or rejected. */
  current: boolean;
  decision: 'accepted' | 'rejected' | null;
}

/** The body of `POST /api/v1/appeals/track/:trackingNumber/decision` (citizen-decision.request.ts). */
export interface LinkDecisionBody {
  secret: string;
  decision: 'accept' | 'reject';
  reason?: string;
}

/** Its answer (202). */
export interface DecisionReceipt {
  eventId: string;
  decision: 'accept' | 'reject';
  status: string;
}
