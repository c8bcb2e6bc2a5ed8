import {
  EventTypes,
  NotificationFailure,
  type AppealEscalatedData,
  type AppealLanguage,
  type AppealRegisteredData,
  type AppealRoutedData,
  type AppealTransferredData,
  type CloudEvent,
} from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { RenderedContent } from '../channels/delivery-channel';
import { deliveryMetrics } from '../delivery/delivery-metrics';
import { outcomeEvent } from '../delivery/outcome-events';
import { DELIVERY_SETTINGS, type DeliverySettings } from '../delivery/delivery-settings';
import { MessageRenderer } from '../templates/message-renderer';
import { WebhookAudience } from '../webhooks/webhook-audience';
import { AppealContact } from './appeal-contact.entity';
import {
  NotificationPlanner,
  type AppealFacts,
  type LifecycleEvent,
  type PlannedNotification,
} from './notification-plan';
import { Notification } from './notification.entity';

export type LifecycleData = LifecycleEvent['data'] & { trackingNumber: string };

const UNRENDERABLE = NotificationFailure.unrenderable;

/** The body that holds the case after this event, for the types that move it. */
function newHolder(event: CloudEvent<LifecycleData>): string | undefined {
  switch (event.type) {
    case EventTypes.routed:
      return (event.data as unknown as AppealRoutedData).organizationId;
    case EventTypes.transferred:
      return (event.data as unknown as AppealTransferredData).toOrganizationId;
    case EventTypes.escalated:
      return (event.data as unknown as AppealEscalatedData).toOrganizationId;
    default:
      return undefined;
  }
}

/**
 * Records who must be told about each lifecycle event, with the message rendered for them, once per (event,
 * recipient, channel): a redelivered event inserts nothing. Sending is the dispatcher's, after commit.
 */
@Injectable()
export class NotificationRecorder {
  private readonly log = new Logger(NotificationRecorder.name);

  constructor(
    private readonly planner: NotificationPlanner,
    private readonly renderer: MessageRenderer,
    private readonly webhooks: WebhookAudience,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    private readonly outbox: OutboxWriter,
  ) {}

  async record(manager: EntityManager, event: CloudEvent<LifecycleData>, now = new Date()): Promise<number> {
    const appeal = await this.remember(manager, event);
    const messages = this.planner
      .plan(event, factsOf(appeal, event.data.trackingNumber))
      .map((planned) => this.message(event, planned, now));
    const subscribers = await this.webhooks.subscribersOf(manager, appeal?.source ?? null, event.type);
    const deliveries = subscribers.map(({ subscriptionId, held }) =>
      this.row(event, {
        recipientKind: 'system',
        recipient: subscriptionId,
        channel: 'webhook',
        template: 'cloudevent',
        language: 'mul',
        content: { kind: 'webhook', event },
        status: held ? 'held' : 'pending',
        nextAttemptAt: now,
      }),
    );
    const rows = [...messages, ...deliveries];
    if (rows.length === 0) return 0;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      // The content's CloudEvent has `unknown` data, which TypeORM's deep-partial type cannot express.
      .values(rows as QueryDeepPartialEntity<Notification>[])
      .orIgnore()
      .updateEntity(false)
      .returning(['id', 'recipient', 'channel', 'status'])
      .execute();
    const recorded = inserted.raw as Array<Pick<Notification, 'id' | 'recipient' | 'channel' | 'status'>>;
    await this.announceUnrenderable(manager, rows, recorded, now);
    return recorded.length;
  }

  /** A message its template could not say is over at once: announced as failed, so the case shows it. */
  private async announceUnrenderable(
    manager: EntityManager,
    rows: Array<Partial<Notification>>,
    recorded: Array<Pick<Notification, 'id' | 'recipient' | 'channel' | 'status'>>,
    now: Date,
  ): Promise<void> {
    const failed = recorded
      .filter((row) => row.status === 'failed')
      .map((row) => {
        const planned = rows.find(
          (candidate) => candidate.recipient === row.recipient && candidate.channel === row.channel,
        );
        return Object.assign(new Notification(), planned, { id: String(row.id), attempts: 1 });
      });
    if (failed.length > 0)
      await this.outbox.add(
        manager,
        failed.map((notification) =>
          outcomeEvent(notification, { kind: 'failed', reason: UNRENDERABLE }, now),
        ),
      );
  }

  private message(
    event: CloudEvent<LifecycleData>,
    planned: PlannedNotification,
    now: Date,
  ): Partial<Notification> {
    const citizen = planned.recipientKind === 'citizen';
    const quietHours = planned.channel === 'sms' ? this.settings.smsQuietHours : undefined;
    const fields: Partial<Notification> = {
      recipientKind: planned.recipientKind,
      recipient: planned.recipient,
      channel: planned.channel,
      template: planned.template,
      language: citizen ? planned.language : 'mul',
      status: 'pending',
      nextAttemptAt: quietHours ? quietHours.nextAllowed(now) : now,
    };
    try {
      const content: RenderedContent = citizen
        ? this.renderer.citizen(planned.template, planned.channel, planned.language, planned.params)
        : this.renderer.staff(planned.template, planned.params);
      return this.row(event, { ...fields, content });
    } catch (error) {
      // An event this template cannot say (a field it needs is missing) must not stop the event's other
      // messages and webhooks: this one is closed as failed, counted and logged (the error names no value).
      this.log.warn({
        msg: 'message could not be rendered',
        template: planned.template,
        eventId: event.id,
        error: (error as Error).message,
      });
      deliveryMetrics.finished.inc({ channel: planned.channel, result: UNRENDERABLE });
      return this.row(event, {
        ...fields,
        status: 'failed',
        lastError: UNRENDERABLE,
        failedAt: now,
        content: null,
      });
    }
  }

  private row(event: CloudEvent<LifecycleData>, fields: Partial<Notification>): Partial<Notification> {
    return {
      eventId: event.id,
      eventType: event.type,
      appealId: event.data.appealId,
      trackingNumber: event.data.trackingNumber,
      ...fields,
    };
  }

  /**
   * Keeps what later events need: the contact and the submitting system from `registered` (a replayed
   * `registered` keeps the first), the holder from the events that move the case.
   */
  private async remember(
    manager: EntityManager,
    event: CloudEvent<LifecycleData>,
  ): Promise<AppealContact | null> {
    if (event.type === EventTypes.registered) {
      const registered = event.data as unknown as AppealRegisteredData;
      await manager
        .createQueryBuilder()
        .insert()
        .into(AppealContact)
        .values({
          appealId: registered.appealId,
          trackingNumber: registered.trackingNumber,
          fullName: registered.citizen.fullName,
          email: registered.citizen.email ?? null,
          phone: registered.citizen.phone ?? null,
          preferredChannel: registered.citizen.preferredChannel,
          language: registered.language,
          source: registered.source,
        })
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
    const holder = newHolder(event);
    if (holder)
      await manager.update(
        AppealContact,
        { appealId: event.data.appealId },
        { holderOrganizationId: holder },
      );
    return manager.findOneBy(AppealContact, { appealId: event.data.appealId });
  }
}

function factsOf(appeal: AppealContact | null, trackingNumber: string): AppealFacts {
  return {
    trackingNumber,
    holderOrganizationId: appeal?.holderOrganizationId ?? null,
    contact: appeal && {
      fullName: appeal.fullName,
      email: appeal.email ?? undefined,
      phone: appeal.phone ?? undefined,
      preferredChannel: appeal.preferredChannel,
      language: appeal.language as AppealLanguage,
    },
  };
}
