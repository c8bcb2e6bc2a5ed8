import { EventTypes, validateEventData } from '@app/contracts';
import { actionContext } from '../action-context.fixture';
import { TransferAction } from './transfer.action';

describe('TransferAction', () => {
  it('declines the case with its reason and the suggested body, for routing to decide', () => {
    const body = {
      reason: 'Жер мәселесі облыс әкімдігінің құзыретінде',
      suggestedOrganizationId: 'akimat-zhetysu',
    };
    const planned = new TransferAction().plan(actionContext(body));
    expect(planned.type).toBe(EventTypes.transferRequested);
    expect(planned.data).toEqual({
      appealId: '0b7a4c1e-8a52-4c55-9f3e-0d6f6c2f1a11',
      trackingNumber: 'KZ-2026-7K3M-9Q2X',
      organizationId: 'akimat-almaty',
      reason: body.reason,
      suggestedOrganizationId: 'akimat-zhetysu',
      requestedBy: { kind: 'staff', id: 'op-1' },
      requestedAt: '2026-03-10T06:00:00.000Z',
    });
    expect(validateEventData(EventTypes.transferRequested, planned.data).ok).toBe(true);
    expect(planned.detail).toEqual({ suggestedOrganizationId: 'akimat-zhetysu' });
  });

  it('leaves the suggestion out when there is none', () => {
    const planned = new TransferAction().plan(actionContext({ reason: 'Біздікі емес' }));
    expect(planned.data).not.toHaveProperty('suggestedOrganizationId');
    expect(validateEventData(EventTypes.transferRequested, planned.data).ok).toBe(true);
    expect(new TransferAction().parameters({ reason: 'x' })).toEqual({
      action: 'transfer',
      suggestedOrganizationId: undefined,
    });
  });
});
