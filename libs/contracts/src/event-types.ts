/**
 * CloudEvents `type` values of the public contract (`kz.appeals.<name>.v1`). A published name is never
 * changed or reused: an incompatible payload change gets a `.v2` type next to it.
 */
export const EventTypes = {
  /** Published by external systems on the intake topic (and the body of POST /api/v1/appeals). */
  submitted: 'kz.appeals.submitted.v1',
  registered: 'kz.appeals.registered.v1',
  routed: 'kz.appeals.routed.v1',
  transferred: 'kz.appeals.transferred.v1',
  accepted: 'kz.appeals.accepted.v1',
  responded: 'kz.appeals.responded.v1',
  resolved: 'kz.appeals.resolved.v1',
  reopened: 'kz.appeals.reopened.v1',
  /**
   * Additive to the first published list: escalation announces the legal deadline it set, so that the
   * console and notification can show it without recomputing the working-day calendar.
   */
  deadlineAssigned: 'kz.appeals.deadline-assigned.v1',
  deadlineWarning: 'kz.appeals.deadline-warning.v1',
  deadlineExtended: 'kz.appeals.deadline-extended.v1',
  escalated: 'kz.appeals.escalated.v1',
  closed: 'kz.appeals.closed.v1',
  /** Additive: a supervisor's manual escalation, carried out (or refused) by escalation. */
  escalationRequested: 'kz.appeals.escalation-requested.v1',
  /** Additive: escalation did not carry out an operator's action event, and says why. */
  actionRefused: 'kz.appeals.action-refused.v1',
  /** Additive: the holding body declined the case as not its own; routing decides where it goes (`transferred`). */
  transferRequested: 'kz.appeals.transfer-requested.v1',
  /** Additive: the central reception took an escalated case under its control. */
  takenUnderControl: 'kz.appeals.taken-under-control.v1',
} as const;

export type AppealEventType = (typeof EventTypes)[keyof typeof EventTypes];

/** Types that travel on the events topic (everything after intake accepted the appeal). */
export type LifecycleEventType = Exclude<AppealEventType, typeof EventTypes.submitted>;

/** The lifecycle types in the order an appeal usually meets them; each one's data carries appealId and trackingNumber. */
export const LIFECYCLE_EVENT_TYPES: readonly LifecycleEventType[] = Object.freeze([
  EventTypes.registered,
  EventTypes.routed,
  EventTypes.transferRequested,
  EventTypes.transferred,
  EventTypes.deadlineAssigned,
  EventTypes.accepted,
  EventTypes.deadlineWarning,
  EventTypes.deadlineExtended,
  EventTypes.escalationRequested,
  EventTypes.escalated,
  EventTypes.takenUnderControl,
  EventTypes.actionRefused,
  EventTypes.responded,
  EventTypes.resolved,
  EventTypes.reopened,
  EventTypes.closed,
]);

const knownEventTypes: ReadonlySet<string> = new Set(Object.values(EventTypes));
const lifecycleEventTypes: ReadonlySet<string> = new Set(LIFECYCLE_EVENT_TYPES);

export function isAppealEventType(type: string): type is AppealEventType {
  return knownEventTypes.has(type);
}

export function isLifecycleEventType(type: string): type is LifecycleEventType {
  return lifecycleEventTypes.has(type);
}

/**
 * CloudEvents `type` values of notification's outcomes (topic `notifications.events.v1`): each message is
 * announced once, when it was delivered or when its last attempt failed. They carry no address and no text
 * meant for the citizen; an in-app message for staff carries its rendered title and body.
 */
export const NotificationEventTypes = {
  sent: 'kz.notifications.sent.v1',
  failed: 'kz.notifications.failed.v1',
} as const;

export type NotificationEventType = (typeof NotificationEventTypes)[keyof typeof NotificationEventTypes];

export const NOTIFICATION_EVENT_TYPES: readonly NotificationEventType[] = Object.freeze([
  NotificationEventTypes.sent,
  NotificationEventTypes.failed,
]);
