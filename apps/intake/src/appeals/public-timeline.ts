import { EscalationReason, EventTypes, type CloudEvent, type EventDataMap } from '@app/contracts';

export interface TimelineStep {
  step: string;
  details: Record<string, string>;
}

/** The lifecycle events a citizen sees a step for; the consumer subscribes to exactly these. */
type PublicEventType =
  | typeof EventTypes.routed
  | typeof EventTypes.transferred
  | typeof EventTypes.deadlineAssigned
  | typeof EventTypes.accepted
  | typeof EventTypes.escalated
  | typeof EventTypes.responded
  | typeof EventTypes.resolved
  | typeof EventTypes.reopened
  | typeof EventTypes.takenUnderControl;

export type LifecycleData = EventDataMap[PublicEventType];

/** The details that are present; an event written before a field existed simply shows less. */
function present(details: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(details).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/**
 * What a citizen may see of each lifecycle event: the step and non-personal facts (which body handles it,
 * when the answer is due, why and where it went up, whether the citizen or staff settled or reopened it).
 * Never who acted (operator and supervisor ids), the reasoning of a decision (it may quote the appeal), nor
 * the answer itself (only that and when it was given): those stay in the console.
 */
const publicSteps: { readonly [K in PublicEventType]: (data: EventDataMap[K]) => TimelineStep } = {
  [EventTypes.routed]: (data) => ({
    step: 'routed',
    details: present({ organization: data.organizationName }),
  }),
  // The receiving body only: the forwarding body's reason may quote the appeal.
  [EventTypes.transferred]: (data) => ({
    step: 'transferred',
    details: present({ organizationId: data.toOrganizationId, organization: data.toOrganizationName }),
  }),
  // Also an accepted extension (cause extended): the console's deadline-extended is only a request that
  // escalation may refuse, so the public page shows the deadline escalation set, not the one asked for.
  [EventTypes.deadlineAssigned]: (data) => ({
    step: 'deadline-assigned',
    details: present({ dueAt: data.dueAt }),
  }),
  // "In work": an operator of the answering body took it.
  [EventTypes.accepted]: () => ({ step: 'accepted', details: {} }),
  [EventTypes.escalated]: (data) => ({
    step: 'escalated',
    // The next level's deadline: after an escalation the old one has passed or no longer binds.
    details: present({
      reason: publicReason(data.reason),
      fromLevel: data.fromLevel,
      toLevel: data.toLevel,
      dueAt: data.newDueAt,
    }),
  }),
  // "Answered" and when: the answer itself is given to the citizen directly, not on the public page.
  [EventTypes.responded]: () => ({ step: 'responded', details: {} }),
  // Whether the citizen accepted the answer or staff closed the case: a kind of actor, never an id.
  [EventTypes.resolved]: (data) => ({ step: 'resolved', details: present({ by: data.resolvedBy?.kind }) }),
  // The citizen rejected the answer (or staff recorded a rejection on paper); escalation follows as its own step.
  [EventTypes.reopened]: (data) => ({ step: 'reopened', details: present({ by: data.reopenedBy?.kind }) }),
  // The central reception follows the case; neither its note nor who follows it is public.
  [EventTypes.takenUnderControl]: () => ({ step: 'taken-under-control', details: {} }),
};

/** The first release's `deadline-missed` is what is now called `overdue`: the public sees one word for it. */
function publicReason(reason: string | undefined): string | undefined {
  return reason === EscalationReason.deadlineMissed ? EscalationReason.overdue : reason;
}

export const PUBLIC_TIMELINE_EVENT_TYPES = Object.keys(publicSteps) as PublicEventType[];

/** The public step of a lifecycle event; null for events with nothing public (warnings, refusals, requests). */
export function publicTimelineStep(event: CloudEvent<LifecycleData>): TimelineStep | null {
  const describe = (publicSteps as Partial<Record<string, (data: LifecycleData) => TimelineStep>>)[
    event.type
  ];
  return describe ? describe(event.data) : null;
}

/**
 * Steps that only refine the timeline and leave the appeal's status as it was: a due date, or the central
 * reception's control of a case that is escalated (or in work there) all the same.
 */
const REFINING_STEPS: ReadonlySet<string> = new Set(['deadline-assigned', 'taken-under-control']);

/**
 * The status a step moves the appeal to, or null when it only refines the timeline (a deadline, control).
 * Events of one appeal arrive in order, so the status is that of the latest step: routed, transferred,
 * accepted ("in work"), responded ("answered"), reopened, escalated, resolved.
 */
export function statusAfter(step: string): string | null {
  return REFINING_STEPS.has(step) ? null : step;
}
