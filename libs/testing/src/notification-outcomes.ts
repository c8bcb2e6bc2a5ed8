import {
  NotificationEventTypes,
  newCloudEvent,
  type CloudEvent,
  type InAppMessageData,
  type NotificationFailedData,
  type NotificationSentData,
} from '@app/contracts';
import { randomUUID } from 'node:crypto';

/** The source notification publishes its outcomes under, as seen on the topic. */
export const NOTIFICATION_SOURCE = 'urn:appeal-routing:notification';

interface Appeal {
  appealId: string;
  trackingNumber: string;
}

/** An in-app message for staff as it reads in each language: the tracking number in every one. */
export function inAppTexts(trackingNumber: string): InAppMessageData {
  return {
    title: { kk: 'Жаңа өтініш', ru: 'Новое обращение', en: 'New appeal' },
    body: {
      kk: `${trackingNumber} өтініші сіздің ұйымыңызға келді.`,
      ru: `Обращение ${trackingNumber} поступило в вашу организацию.`,
      en: `Appeal ${trackingNumber} came to your organisation.`,
    },
  };
}

/** An outcome of notification about the appeal, keyed by it, with a new notification id and event id. */
function outcome<T>(
  type: string,
  appeal: Appeal,
  data: Omit<T, keyof Appeal | 'notificationId' | 'eventId'>,
) {
  return newCloudEvent({
    type,
    source: NOTIFICATION_SOURCE,
    subject: appeal.appealId,
    data: {
      appealId: appeal.appealId,
      trackingNumber: appeal.trackingNumber,
      notificationId: randomUUID(),
      eventId: randomUUID(),
      ...data,
    } as T,
  });
}

/** `kz.notifications.sent.v1` of an in-app message for an organisation's staff. */
export function inAppSent(
  appeal: Appeal,
  organizationId: string,
  overrides: Partial<NotificationSentData> = {},
): CloudEvent<NotificationSentData> {
  return outcome<NotificationSentData>(NotificationEventTypes.sent, appeal, {
    eventType: 'kz.appeals.routed.v1',
    channel: 'in-app',
    recipientKind: 'organization',
    organizationId,
    template: 'appeal-assigned',
    attempts: 1,
    sentAt: new Date().toISOString(),
    inApp: inAppTexts(appeal.trackingNumber),
    ...overrides,
  });
}

/** `kz.notifications.failed.v1` of the citizen's message (an SMS that exhausted its attempts, by default). */
export function deliveryFailed(
  appeal: Appeal,
  overrides: Partial<NotificationFailedData> = {},
): CloudEvent<NotificationFailedData> {
  return outcome<NotificationFailedData>(NotificationEventTypes.failed, appeal, {
    eventType: 'kz.appeals.registered.v1',
    channel: 'sms',
    recipientKind: 'citizen',
    template: 'appeal-registered',
    attempts: 8,
    failedAt: new Date().toISOString(),
    reason: 'exhausted',
    ...overrides,
  });
}
