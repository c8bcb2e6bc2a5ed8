import {
  NotificationEventTypes,
  RecipientKind,
  type CaseTimelineEntry,
  type CloudEvent,
  type NotificationFailedData,
} from '@app/contracts';
import type { TimelineEntry } from '../cases/read-model/case-file';

/** A message notification gave up on, as the case shows it: to whom, how, which step, why. Never an address. */
export interface DeliveryFailure {
  notificationId: string;
  appealId: string;
  /** The `kz.notifications.failed.v1` event that told of it. */
  eventId: string;
  eventSource: string;
  /** The lifecycle event the message announced. */
  announcedEventType: string;
  channel: string;
  recipientKind: string;
  organizationId: string | null;
  template: string;
  reason: string;
  attempts: number;
  failedAt: string;
}

/**
 * The failure to show on the case, or undefined. The citizen's (the law wants them told, and staff can reach
 * them another way) and an organisation's staff's (a body that was not told of its case) are shown; a
 * system's webhook is not: its subscriptions, failures and redelivery belong to notification's webhook API,
 * and the case page is also read by the portal that submitted the appeal, which must not see another
 * system's deliveries.
 */
export function deliveryFailureOf(event: CloudEvent<NotificationFailedData>): DeliveryFailure | undefined {
  const { data } = event;
  if (data.recipientKind === RecipientKind.system) return undefined;
  return {
    notificationId: data.notificationId,
    appealId: data.appealId,
    eventId: event.id,
    eventSource: event.source,
    announcedEventType: data.eventType,
    channel: data.channel,
    recipientKind: data.recipientKind,
    organizationId: data.organizationId ?? null,
    template: data.template,
    reason: data.reason,
    attempts: data.attempts,
    failedAt: new Date(data.failedAt).toISOString(),
  };
}

function failureEntry(failure: DeliveryFailure): CaseTimelineEntry {
  return {
    position: null,
    eventId: failure.eventId,
    eventSource: failure.eventSource,
    type: NotificationEventTypes.failed,
    occurredAt: failure.failedAt,
    data: {
      notificationId: failure.notificationId,
      eventType: failure.announcedEventType,
      channel: failure.channel,
      recipientKind: failure.recipientKind,
      ...(failure.organizationId !== null && { organizationId: failure.organizationId }),
      template: failure.template,
      reason: failure.reason,
      attempts: failure.attempts,
    },
  };
}

/**
 * The case's timeline with its delivery failures in it: the events keep their order (their positions), and
 * each failure (in time order) goes before the first event that happened after it.
 */
export function withDeliveryFailures(
  events: ReadonlyArray<Omit<TimelineEntry, 'appealId'>>,
  failures: readonly DeliveryFailure[],
): CaseTimelineEntry[] {
  const pending = [...failures].sort((a, b) => Date.parse(a.failedAt) - Date.parse(b.failedAt));
  const merged: CaseTimelineEntry[] = [];
  for (const event of events) {
    while (pending.length > 0 && Date.parse(pending[0].failedAt) < Date.parse(event.occurredAt))
      merged.push(failureEntry(pending.shift() as DeliveryFailure));
    merged.push(event);
  }
  return [...merged, ...pending.map(failureEntry)];
}
