import { EventTypes, type CloudEvent } from '@app/contracts';
import {
  PUBLIC_TIMELINE_EVENT_TYPES,
  publicTimelineStep,
  statusAfter,
  type LifecycleData,
} from './public-timeline';

const APPEAL_ID = '0b7a4c1e-8a52-4c55-9f3e-0d6f6c2f1a11';

function lifecycleEvent(type: string, data: Record<string, unknown>): CloudEvent<LifecycleData> {
  return {
    specversion: '1.0',
    id: `evt-${type}`,
    source: 'urn:kz:appeals:test',
    type,
    time: '2026-12-02T05:00:00.000Z',
    data: { appealId: APPEAL_ID, trackingNumber: 'KZ-2026-7K3M-9Q2X', ...data } as LifecycleData,
  };
}

describe('publicTimelineStep', () => {
  it('shows which body handles a routed appeal, and nothing else', () => {
    const step = publicTimelineStep(
      lifecycleEvent(EventTypes.routed, {
        organizationId: 'akimat-almaty',
        organizationName: 'Акимат города Алматы',
        ruleId: 'r-17',
        citizenEmail: 'asel@example.kz',
      }),
    );
    expect(step).toEqual({ step: 'routed', details: { organization: 'Акимат города Алматы' } });
  });

  it('shows when the answer is due', () => {
    const step = publicTimelineStep(
      lifecycleEvent(EventTypes.deadlineAssigned, {
        dueAt: '2026-12-23T18:59:59.999Z',
        warnAt: '2026-12-18T18:59:59.999Z',
        policy: '15 working days',
      }),
    );
    expect(step).toEqual({ step: 'deadline-assigned', details: { dueAt: '2026-12-23T18:59:59.999Z' } });
  });

  it('shows the reason and levels of an escalation but not the organisation ids nor who escalated', () => {
    const step = publicTimelineStep(
      lifecycleEvent(EventTypes.escalated, {
        fromOrganizationId: 'akimat-almaty',
        toOrganizationId: 'central-reception',
        reason: 'manual',
        dueAt: '2026-12-23T18:59:59.999Z',
        fromLevel: 'regional-akimat',
        toLevel: 'central-reception',
        escalatedBy: { kind: 'staff', id: 'supervisor-1' },
        newDueAt: '2027-01-20T18:59:59.999Z',
      }),
    );
    expect(step).toEqual({
      step: 'escalated',
      details: {
        reason: 'manual',
        fromLevel: 'regional-akimat',
        toLevel: 'central-reception',
        dueAt: '2027-01-20T18:59:59.999Z',
      },
    });
  });

  it('shows the legacy reason deadline-missed as overdue, its name now', () => {
    const step = publicTimelineStep(
      lifecycleEvent(EventTypes.escalated, {
        fromOrganizationId: 'akimat-almaty',
        toOrganizationId: 'central-reception',
        reason: 'deadline-missed',
      }),
    );
    expect(step).toEqual({ step: 'escalated', details: { reason: 'overdue' } });
  });

  it('shows to which body an appeal was transferred, not why nor by whom', () => {
    const step = publicTimelineStep(
      lifecycleEvent(EventTypes.transferred, {
        fromOrganizationId: 'akimat-almaty',
        toOrganizationId: 'akimat-almaty-region',
        toOrganizationName: 'Алматы облысының әкімдігі',
        reason: 'Әсел Нұрланқызы asks about the road near her house',
        transferredBy: { kind: 'staff', id: 'staff-7f3a' },
      }),
    );
    expect(step).toEqual({
      step: 'transferred',
      details: { organizationId: 'akimat-almaty-region', organization: 'Алматы облысының әкімдігі' },
    });
  });

  it("shows routing's transfer to the central reception's triage as a step to that body, nothing of how routing chose", () => {
    const step = publicTimelineStep(
      lifecycleEvent(EventTypes.transferred, {
        fromOrganizationId: 'akimat-almaty',
        toOrganizationId: 'central-reception',
        toOrganizationName: 'Азаматтарды қабылдау орталығы',
        reason: 'Әсел Нұрланқызы asks about the road near her house',
        transferredBy: { kind: 'staff', id: 'staff-7f3a' },
        decision: 'transfer-limit',
        transferCount: 3,
      }),
    );
    expect(step).toEqual({
      step: 'transferred',
      details: { organizationId: 'central-reception', organization: 'Азаматтарды қабылдау орталығы' },
    });
  });

  it('shows nothing for an extension request: only the deadline escalation then sets is public', () => {
    const step = publicTimelineStep(
      lifecycleEvent(EventTypes.deadlineExtended, {
        organizationId: 'akimat-almaty',
        dueAt: '2027-01-29T18:59:59.999Z',
        reason: 'An expert opinion about Әсел Нұрланқызы is needed',
        decidedBy: { kind: 'staff', id: 'head-akimat-almaty' },
      }),
    );
    expect(step).toBeNull();
  });

  it.each([
    [
      EventTypes.accepted,
      'accepted',
      { organizationId: 'akimat-almaty', acceptedBy: { kind: 'staff', id: 's-1' } },
    ],
    [
      EventTypes.responded,
      'responded',
      { organizationId: 'akimat-almaty', respondedBy: { kind: 'staff', id: 's-1' }, responseId: 'resp-1' },
    ],
    [
      EventTypes.takenUnderControl,
      'taken-under-control',
      {
        organizationId: 'central-reception',
        note: 'Әсел Нұрланқызы has written three times about this road',
        takenBy: { kind: 'staff', id: 'cr-1' },
      },
    ],
  ])('shows %s as the step %s with no ids of people or documents, nor any text', (type, name, data) => {
    expect(publicTimelineStep(lifecycleEvent(type, data))).toEqual({ step: name, details: {} });
  });

  it.each([
    [EventTypes.resolved, 'resolved', { resolvedBy: { kind: 'citizen', id: 'tracking-link' } }, 'citizen'],
    [EventTypes.resolved, 'resolved', { resolvedBy: { kind: 'staff', id: 'op-7' } }, 'staff'],
    [
      EventTypes.reopened,
      'reopened',
      { reopenedBy: { kind: 'citizen', id: 'submitting-portal' } },
      'citizen',
    ],
    [EventTypes.reopened, 'reopened', { reopenedBy: { kind: 'staff', id: 'op-7' } }, 'staff'],
  ])('shows %s as %s by the kind of actor (%s), never their id', (type, name, data, by) => {
    expect(publicTimelineStep(lifecycleEvent(type, { organizationId: 'akimat-almaty', ...data }))).toEqual({
      step: name,
      details: { by },
    });
  });

  it('keeps the step but leaves out details that are missing', () => {
    expect(publicTimelineStep(lifecycleEvent(EventTypes.routed, {}))).toEqual({
      step: 'routed',
      details: {},
    });
    expect(publicTimelineStep(lifecycleEvent(EventTypes.deadlineAssigned, {}))).toEqual({
      step: 'deadline-assigned',
      details: {},
    });
    expect(publicTimelineStep(lifecycleEvent(EventTypes.escalated, {}))).toEqual({
      step: 'escalated',
      details: {},
    });
  });

  it.each([
    EventTypes.registered,
    EventTypes.deadlineWarning,
    EventTypes.escalationRequested,
    EventTypes.transferRequested,
    EventTypes.actionRefused,
    EventTypes.submitted,
    'kz.appeals.something-new.v1',
  ])('shows nothing for %s', (type) => {
    expect(
      publicTimelineStep(lifecycleEvent(type, { dueAt: '2026-12-23T18:59:59.999Z', reason: 'x' })),
    ).toBeNull();
  });
});

describe('statusAfter', () => {
  it.each(['routed', 'transferred', 'accepted', 'responded', 'reopened', 'escalated', 'resolved'])(
    'moves the status to %s when that step happened',
    (step) => {
      expect(statusAfter(step)).toBe(step);
    },
  );

  it('keeps the current status when only a deadline was assigned or moved, or the case taken under control', () => {
    expect(statusAfter('deadline-assigned')).toBeNull();
    expect(statusAfter('taken-under-control')).toBeNull();
  });
});

describe('PUBLIC_TIMELINE_EVENT_TYPES', () => {
  it('lists exactly the types that have a public step, for the consumer to subscribe to', () => {
    const withStep = Object.values(EventTypes).filter(
      (type) => publicTimelineStep(lifecycleEvent(type, {})) !== null,
    );
    expect([...PUBLIC_TIMELINE_EVENT_TYPES].sort()).toEqual(withStep.sort());
  });
});
