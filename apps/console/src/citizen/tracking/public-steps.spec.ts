import { EventTypes } from '@app/contracts';
import { PROJECTED_TYPES } from '../../cases/read-model/case-fold';
import { PUBLIC_STEP_TYPES, publicStepOf, shortNameOf } from './public-steps';

const AT = '2026-03-02T04:00:00.000Z';

describe('the public steps', () => {
  it("name a step by its event type's short name", () => {
    expect(shortNameOf(EventTypes.deadlineAssigned)).toBe('deadline-assigned');
    expect(shortNameOf(EventTypes.takenUnderControl)).toBe('taken-under-control');
  });

  it('show the body a case was routed or transferred to, and nothing else of the event', () => {
    expect(
      publicStepOf({
        type: EventTypes.routed,
        occurredAt: AT,
        data: { organizationId: 'akimat-almaty', organizationName: 'Алматы қаласының әкімдігі', ruleId: 'r' },
      }),
    ).toEqual({ step: 'routed', at: AT, organizationName: 'Алматы қаласының әкімдігі' });
    expect(
      publicStepOf({
        type: EventTypes.transferred,
        occurredAt: AT,
        data: {
          fromOrganizationId: 'akimat-almaty',
          toOrganizationId: 'akimat-almaty-region',
          toOrganizationName: 'Алматы облысының әкімдігі',
          reason: 'Мәселе басқа органның құзыретінде',
          transferredBy: { kind: 'staff', id: 'op-1' },
        },
      }),
    ).toEqual({ step: 'transferred', at: AT, organizationName: 'Алматы облысының әкімдігі' });
  });

  it("never show who acted, a reason, a note or the answer's text", () => {
    const steps = [
      publicStepOf({
        type: EventTypes.responded,
        occurredAt: AT,
        data: {
          organizationId: 'a',
          respondedBy: { kind: 'staff', id: 'op-1' },
          responseId: 'r',
          text: 'Жауап',
        },
      }),
      publicStepOf({
        type: EventTypes.escalated,
        occurredAt: AT,
        data: {
          reason: 'manual',
          escalatedBy: { kind: 'staff', id: 'sv-1' },
          toOrganizationId: 'central-reception',
        },
      }),
      publicStepOf({
        type: EventTypes.takenUnderControl,
        occurredAt: AT,
        data: { note: 'Бақылауда', takenBy: { kind: 'staff', id: 'cr-1' } },
      }),
      publicStepOf({ type: EventTypes.registered, occurredAt: AT, data: { citizen: { fullName: 'X' } } }),
    ];
    expect(steps).toEqual([
      { step: 'responded', at: AT },
      { step: 'escalated', at: AT },
      { step: 'taken-under-control', at: AT },
      { step: 'registered', at: AT },
    ]);
  });

  it('leave out requests that may be refused, refusals and warnings, and types nobody has decided on', () => {
    for (const type of [
      EventTypes.transferRequested,
      EventTypes.deadlineExtended,
      EventTypes.escalationRequested,
      EventTypes.actionRefused,
      EventTypes.deadlineWarning,
      EventTypes.closed,
      'kz.appeals.something-new.v1',
    ])
      expect(publicStepOf({ type, occurredAt: AT, data: { reason: 'x' } })).toBeNull();
  });

  it('list only types the read model folds', () => {
    expect(PUBLIC_STEP_TYPES.every((type) => (PROJECTED_TYPES as readonly string[]).includes(type))).toBe(
      true,
    );
    expect(PUBLIC_STEP_TYPES).toContain(EventTypes.responded);
  });
});
