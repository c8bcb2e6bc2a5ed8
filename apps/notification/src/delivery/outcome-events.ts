import {
  NotificationEventTypes,
  newCloudEvent,
  Topics,
  type NotificationFailedData,
  type NotificationSentData,
} from '@app/contracts';
import type { OutboxEntry } from '@app/messaging';
import type { Notification } from '../notifications/notification.entity';
import type { AttemptVerdict } from './attempt-listener';

export const NOTIFICATION_EVENT_SOURCE = 'urn:appeal-routing:notification';

/**
 * The event that closes a message: `sent`, or `failed` after its last attempt. It names the message and the
 * step it announced, never the address or what the citizen was told; an in-app message carries its content,
 * because for staff the event is the delivery.
 */
export function outcomeEvent(
  notification: Notification,
  verdict: Exclude<AttemptVerdict, { kind: 'retry' }>,
  at: Date,
): OutboxEntry {
  const about = {
    appealId: notification.appealId,
    trackingNumber: notification.trackingNumber ?? '',
    notificationId: notification.id,
    eventId: notification.eventId,
    eventType: notification.eventType,
    channel: notification.channel,
    recipientKind: notification.recipientKind,
    ...(notification.recipientKind === 'organization' ? { organizationId: notification.recipient } : {}),
    ...(notification.recipientKind === 'system' ? { subscriptionId: notification.recipient } : {}),
    template: notification.template,
    attempts: notification.attempts,
  };
  const content = notification.content;
  const event =
    verdict.kind === 'sent'
      ? newCloudEvent<NotificationSentData>({
          type: NotificationEventTypes.sent,
          source: NOTIFICATION_EVENT_SOURCE,
          subject: notification.appealId,
          data: {
            ...about,
            sentAt: at.toISOString(),
            ...(content?.kind === 'in-app' ? { inApp: { title: content.title, body: content.body } } : {}),
          },
        })
      : newCloudEvent<NotificationFailedData>({
          type: NotificationEventTypes.failed,
          source: NOTIFICATION_EVENT_SOURCE,
          subject: notification.appealId,
          data: { ...about, failedAt: at.toISOString(), reason: verdict.reason },
        });
  return { topic: Topics.notifications, key: notification.appealId, event };
}
