import { EventTypes, type CloudEvent } from '@app/contracts';
import { publicTimelineStep, statusAfter, type LifecycleData } from './public-timeline';

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

  it('shows the reason of an escalation but not the internal organisation ids', () => {
    const step = publicTimelineStep(
      lifecycleEvent(EventTypes.escalated, {
        fromOrganizationId: 'akimat-almaty',
        toOrganizationId: 'central-reception',
        reason: 'deadline-missed',
        dueAt: '2026-12-23T18:59:59.999Z',
      }),
    );
    expect(step).toEqual({ step: 'escalated', details: { reason: 'deadline-missed' } });
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
    EventTypes.submitted,
    'kz.appeals.something-new.v1',
  ])('shows nothing for %s', (type) => {
    expect(
      publicTimelineStep(lifecycleEvent(type, { dueAt: '2026-12-23T18:59:59.999Z', reason: 'x' })),
    ).toBeNull();
  });
});

describe('statusAfter', () => {
  it('moves the status to the step that happened', () => {
    expect(statusAfter('routed')).toBe('routed');
    expect(statusAfter('escalated')).toBe('escalated');
  });

  it('keeps the current status when only a deadline was assigned', () => {
    expect(statusAfter('deadline-assigned')).toBeNull();
  });
});
