/**
 * The CloudEvents types a case's timeline holds, as libs/contracts/src/event-types.ts publishes them. The web UI
 * may import nothing of the server's code (.dependency-cruiser.cjs, web-ui-stays-in-the-browser), so this is a
 * copy; event-types.spec.ts fails when the contract gains a type the copy lacks.
 */
export const EventTypes = {
  submitted: 'kz.appeals.submitted.v1',
  registered: 'kz.appeals.registered.v1',
  routed: 'kz.appeals.routed.v1',
  transferred: 'kz.appeals.transferred.v1',
  accepted: 'kz.appeals.accepted.v1',
  responded: 'kz.appeals.responded.v1',
  resolved: 'kz.appeals.resolved.v1',
  reopened: 'kz.appeals.reopened.v1',
  deadlineAssigned: 'kz.appeals.deadline-assigned.v1',
  deadlineWarning: 'kz.appeals.deadline-warning.v1',
  deadlineExtended: 'kz.appeals.deadline-extended.v1',
  escalated: 'kz.appeals.escalated.v1',
  closed: 'kz.appeals.closed.v1',
  escalationRequested: 'kz.appeals.escalation-requested.v1',
  actionRefused: 'kz.appeals.action-refused.v1',
  transferRequested: 'kz.appeals.transfer-requested.v1',
  takenUnderControl: 'kz.appeals.taken-under-control.v1',
} as const;

/** The lifecycle types (every type but `submitted`, which only intake sees). */
export const LIFECYCLE_EVENT_TYPES: readonly string[] = Object.freeze(
  Object.values(EventTypes).filter((type) => type !== EventTypes.submitted),
);

export const NotificationEventTypes = {
  sent: 'kz.notifications.sent.v1',
  failed: 'kz.notifications.failed.v1',
} as const;
