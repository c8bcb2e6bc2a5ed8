import { EventTypes, type CloudEvent } from '@app/contracts';

export interface TimelineStep {
  step: string;
  details: Record<string, string>;
}

interface LifecycleData {
  appealId: string;
  organizationName?: string;
  toOrganizationId?: string;
  dueAt?: string;
  reason?: string;
}

/**
 * What a citizen may see of each lifecycle event: the step and non-personal facts
 * (which body handles it, when the answer is due). Events with nothing public return null.
 */
export type { LifecycleData };

export function publicTimelineStep(event: CloudEvent<LifecycleData>): TimelineStep | null {
  const data = event.data;
  switch (event.type) {
    case EventTypes.routed:
      return {
        step: 'routed',
        details: data.organizationName ? { organization: data.organizationName } : {},
      };
    case EventTypes.deadlineAssigned:
      return { step: 'deadline-assigned', details: data.dueAt ? { dueAt: data.dueAt } : {} };
    case EventTypes.escalated:
      return { step: 'escalated', details: data.reason ? { reason: data.reason } : {} };
    default:
      return null;
  }
}

/** The status a step moves the appeal to, or null when it only refines the timeline (a deadline). */
export function statusAfter(step: string): string | null {
  return step === 'deadline-assigned' ? null : step;
}
