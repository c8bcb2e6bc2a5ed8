/**
 * Where a case stands for the people working it, folded from its lifecycle events by the projection and
 * checked by the action state machine. The level (which body in the escalation chain holds it) is separate.
 */
export const CaseStatus = {
  /** Registered, not yet routed. */
  registered: 'registered',
  /** With a body that has not taken it into work yet (after routing, a transfer or an escalation). */
  new: 'new',
  /** Taken into work by the holding body. */
  inWork: 'in-work',
  /** The holder declined it; routing is choosing the next body. */
  transferPending: 'transfer-pending',
  /** Answered; the citizen may still reject the answer. */
  answered: 'answered',
  /** Settled: the citizen accepted the answer, or staff closed it. */
  resolved: 'resolved',
} as const;
export type CaseStatus = (typeof CaseStatus)[keyof typeof CaseStatus];
