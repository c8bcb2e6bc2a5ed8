import { newCloudEvent, NotificationEventTypes, type NotificationFailedData } from '@app/contracts';
import { deliveryFailureOf, withDeliveryFailures, type DeliveryFailure } from './delivery-failure';

const failed = (data: Partial<NotificationFailedData>) =>
  newCloudEvent<NotificationFailedData>({
    type: NotificationEventTypes.failed,
    source: 'urn:appeal-routing:notification',
    subject: '0b6f7a52-3c55-4b8e-9a51-0d2f5d0c9a11',
    data: {
      appealId: '0b6f7a52-3c55-4b8e-9a51-0d2f5d0c9a11',
      trackingNumber: 'KZ-1',
      notificationId: 'n-1',
      eventId: 'e-1',
      eventType: 'kz.appeals.registered.v1',
      channel: 'sms',
      recipientKind: 'citizen',
      template: 'appeal-registered',
      attempts: 8,
      failedAt: '2026-03-02T05:00:00+05:00',
      reason: 'exhausted',
      ...data,
    },
  });

describe('deliveryFailureOf', () => {
  it("keeps the citizen's failure: channel, template, reason, the step it announced; no address", () => {
    const event = failed({});
    expect(deliveryFailureOf(event)).toEqual({
      notificationId: 'n-1',
      appealId: event.data.appealId,
      eventId: event.id,
      eventSource: 'urn:appeal-routing:notification',
      announcedEventType: 'kz.appeals.registered.v1',
      channel: 'sms',
      recipientKind: 'citizen',
      organizationId: null,
      template: 'appeal-registered',
      reason: 'exhausted',
      attempts: 8,
      failedAt: '2026-03-02T00:00:00.000Z',
    });
  });

  it("keeps an organisation's, and leaves a system's webhook to notification's own API", () => {
    expect(
      deliveryFailureOf(failed({ channel: 'in-app', recipientKind: 'organization', organizationId: 'a' })),
    ).toMatchObject({ organizationId: 'a' });
    expect(deliveryFailureOf(failed({ channel: 'webhook', recipientKind: 'system' }))).toBeUndefined();
  });
});

describe('withDeliveryFailures', () => {
  const event = (position: number, occurredAt: string) => ({
    position,
    eventId: `e-${position}`,
    eventSource: 'urn:test',
    type: 'kz.appeals.test.v1',
    occurredAt,
    data: {},
  });
  const failure = (id: string, failedAt: string) =>
    deliveryFailureOf(failed({ notificationId: id, failedAt })) as DeliveryFailure;

  it('puts each failure before the first event after it, and keeps the events in their order', () => {
    const events = [
      event(1, '2026-03-02T01:00:00.000Z'),
      event(2, '2026-03-02T03:00:00.000Z'),
      // Out of time order, as events of two services may be: still after 2.
      event(3, '2026-03-02T02:30:00.000Z'),
    ];
    const merged = withDeliveryFailures(events, [
      failure('late', '2026-03-02T04:00:00.000Z'),
      failure('early', '2026-03-02T02:00:00.000Z'),
    ]);
    expect(merged.map((entry) => entry.position ?? entry.data.notificationId)).toEqual([
      1,
      'early',
      2,
      3,
      'late',
    ]);
    expect(merged[1]).toMatchObject({
      type: NotificationEventTypes.failed,
      occurredAt: '2026-03-02T02:00:00.000Z',
    });
  });

  it('leaves a timeline without failures as it was', () => {
    const events = [event(1, '2026-03-02T01:00:00.000Z')];
    expect(withDeliveryFailures(events, [])).toEqual(events);
  });
});
