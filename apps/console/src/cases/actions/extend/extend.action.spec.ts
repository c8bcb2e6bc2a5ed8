import { EventTypes, validateEventData } from '@app/contracts';
import { actionContext } from '../action-context.fixture';
import { ExtendAction } from './extend.action';

describe('ExtendAction', () => {
  const body = { dueAt: '2026-04-20T23:59:59.999+05:00', reason: 'Сараптама қорытындысы керек' };

  it('asks escalation for the new deadline, in UTC, on behalf of the holding body', () => {
    const planned = new ExtendAction().plan(actionContext(body));
    expect(planned).toEqual({
      type: EventTypes.deadlineExtended,
      data: {
        appealId: '0b7a4c1e-8a52-4c55-9f3e-0d6f6c2f1a11',
        trackingNumber: 'KZ-2026-7K3M-9Q2X',
        organizationId: 'akimat-almaty',
        dueAt: '2026-04-20T18:59:59.999Z',
        reason: body.reason,
        decidedBy: { kind: 'staff', id: 'op-1' },
        decidedAt: '2026-03-10T06:00:00.000Z',
      },
      detail: { dueAt: '2026-04-20T18:59:59.999Z' },
    });
    expect(validateEventData(EventTypes.deadlineExtended, planned.data).ok).toBe(true);
  });

  it('gives the state machine the new deadline to check against the legal limit', () => {
    expect(new ExtendAction().parameters(body)).toEqual({
      action: 'extend',
      dueAt: new Date('2026-04-20T18:59:59.999Z'),
    });
  });
});
