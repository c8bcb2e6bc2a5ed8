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
import { appealKey, ChunkedWork, OutboxWriter } from '@app/messaging';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { RenderedContent } from '../channels/delivery-channel';
import { deliveryMetrics } from '../delivery/delivery-metrics';
import { outcomeEvent } from '../delivery/outcome-events';
import { DELIVERY_SETTINGS, type DeliverySettings } from '../delivery/delivery-settings';
import { MessageRenderer } from '../templates/message-renderer';
import { WebhookAudience, type Subscription } from '../webhooks/webhook-audience';
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

/** What a run of events needs and did: read before the first of them, written after the last. */
interface RecordingRun {
  /** What is known of each appeal the run touches, as its events so far left it. */
  contacts: Map<string, AppealContact>;
  /** Appeals whose contact the run registered (inserted at the end, with their holder by then). */
  registered: Set<string>;
  /** Appeals known before the run whose holder it changed. */
  moved: Set<string>;
  /** The webhook subscriptions of every source the run's appeals come from, oldest first. */
  subscriptions: Map<string, Subscription[]>;
  rows: Array<Partial<Notification>>;
}

/**
 * Records who must be told about each lifecycle event, with the message rendered for them, once per (event,
 * recipient, channel): a redelivered event inserts nothing. Sending is the dispatcher's, after commit.
 * A chunk of events reads its contacts and subscriptions in two statements and writes in a few.
 */
@Injectable()
export class NotificationRecorder extends ChunkedWork<RecordingRun> {
  private readonly log = new Logger(NotificationRecorder.name);

  constructor(
    private readonly planner: NotificationPlanner,
    private readonly renderer: MessageRenderer,
    private readonly webhooks: WebhookAudience,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    private readonly outbox: OutboxWriter,
  ) {
    super();
  }

  record(manager: EntityManager, event: CloudEvent<LifecycleData>, now = new Date()): Promise<void> {
    return this.within(manager, event, (run) => this.recordIn(run, event, now));
  }

  protected async load(manager: EntityManager, events: readonly CloudEvent[]): Promise<RecordingRun> {
    const lifecycle = events as ReadonlyArray<CloudEvent<LifecycleData>>;
    const appealIds = [...new Set(lifecycle.map((event) => event.data.appealId))];
    const known = await manager.findBy(AppealContact, { appealId: In(appealIds) });
    // An appeal of unknown source (recorded before sources were kept) belongs to no system.
    const sources = new Set([
      ...known.flatMap((contact) => (contact.source === null ? [] : [contact.source])),
      ...lifecycle
        .filter((event) => event.type === EventTypes.registered)
        .map((event) => (event.data as unknown as AppealRegisteredData).source),
    ]);
    return {
      contacts: new Map(known.map((contact) => [appealKey(contact.appealId), contact])),
      registered: new Set(),
      moved: new Set(),
      subscriptions: await this.webhooks.subscriptionsOf(manager, [...sources]),
      rows: [],
    };
  }

  protected async write(manager: EntityManager, run: RecordingRun): Promise<void> {
    const contactOf = (key: string): AppealContact => run.contacts.get(key) as AppealContact;
    if (run.registered.size > 0)
      await manager
        .createQueryBuilder()
        .insert()
        .into(AppealContact)
        .values([...run.registered].map(contactOf))
        .orIgnore()
        .updateEntity(false)
        .execute();
    if (run.moved.size > 0) {
      const moved = [...run.moved].map(contactOf);
      await manager.query(
        `UPDATE notification.appeal_contact c SET holder_organization_id = moved.holder
         FROM unnest($1::uuid[], $2::text[]) AS moved(appeal_id, holder) WHERE c.appeal_id = moved.appeal_id`,
        [moved.map((contact) => contact.appealId), moved.map((contact) => contact.holderOrganizationId)],
      );
    }
    const recorded = await insertNotifications(manager, run.rows);
    await this.announceUnrenderable(manager, run.rows, recorded, new Date());
  }

  private recordIn(run: RecordingRun, event: CloudEvent<LifecycleData>, now: Date): void {
    const appeal = this.remember(run, event);
    const messages = this.planner
      .plan(event, factsOf(appeal, event.data.trackingNumber))
      .map((planned) => this.message(event, planned, now));
    const subscribers = this.webhooks.subscribersAmong(
      appeal?.source ? (run.subscriptions.get(appeal.source) ?? []) : [],
      event.type,
    );
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
    run.rows.push(...messages, ...deliveries);
  }

  /** A message its template could not say is over at once: announced as failed, so the case shows it. */
  private async announceUnrenderable(
    manager: EntityManager,
    rows: Array<Partial<Notification>>,
    recorded: RecordedRow[],
    now: Date,
  ): Promise<void> {
    const failed = recorded
      .filter((row) => row.status === 'failed')
      .map((row) => {
        const planned = rows.find(
          (candidate) =>
            candidate.eventId === row.eventId &&
            candidate.recipient === row.recipient &&
            candidate.channel === row.channel,
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
  private remember(run: RecordingRun, event: CloudEvent<LifecycleData>): AppealContact | null {
    const appealId = event.data.appealId;
    const key = appealKey(appealId);
    if (event.type === EventTypes.registered && !run.contacts.has(key)) {
      const registered = event.data as unknown as AppealRegisteredData;
      run.contacts.set(
        key,
        Object.assign(new AppealContact(), {
          appealId,
          trackingNumber: registered.trackingNumber,
          fullName: registered.citizen.fullName,
          email: registered.citizen.email ?? null,
          phone: registered.citizen.phone ?? null,
          preferredChannel: registered.citizen.preferredChannel,
          language: registered.language,
          source: registered.source,
          holderOrganizationId: null,
        }),
      );
      run.registered.add(key);
    }
    const appeal = run.contacts.get(key) ?? null;
    const holder = newHolder(event);
    if (holder && appeal) {
      appeal.holderOrganizationId = holder;
      if (!run.registered.has(key)) run.moved.add(key);
    }
    return appeal;
  }
}

type RecordedRow = Pick<Notification, 'id' | 'eventId' | 'recipient' | 'channel' | 'status'>;

/** The columns a new notification row sets, in the order of {@link insertNotifications}; the rest default. */
const NEW_ROW_COLUMNS: ReadonlyArray<readonly [keyof Notification, string, string]> = [
  ['eventId', 'event_id', 'text'],
  ['eventType', 'event_type', 'text'],
  ['appealId', 'appeal_id', 'uuid'],
  ['trackingNumber', 'tracking_number', 'text'],
  ['recipientKind', 'recipient_kind', 'text'],
  ['recipient', 'recipient', 'text'],
  ['channel', 'channel', 'text'],
  ['template', 'template', 'text'],
  ['language', 'language', 'text'],
  ['status', 'status', 'text'],
  ['content', 'content', 'jsonb'],
  ['nextAttemptAt', 'next_attempt_at', 'timestamptz'],
  ['lastError', 'last_error', 'text'],
  ['failedAt', 'failed_at', 'timestamptz'],
];

/**
 * Every row in one statement of one array per column, whatever their number (no parameter limit, one plan);
 * a row already recorded for its (event, recipient, channel) is skipped. Answers the rows it inserted.
 */
async function insertNotifications(
  manager: EntityManager,
  rows: ReadonlyArray<Partial<Notification>>,
): Promise<RecordedRow[]> {
  if (rows.length === 0) return [];
  const arrays = NEW_ROW_COLUMNS.map(([field, , type]) =>
    rows.map((row) => {
      const value = row[field] ?? null;
      return type === 'jsonb' && value !== null ? JSON.stringify(value) : value;
    }),
  );
  return manager.query<RecordedRow[]>(
    `INSERT INTO notification.notification (${NEW_ROW_COLUMNS.map(([, column]) => column).join(', ')})
     SELECT * FROM unnest(${NEW_ROW_COLUMNS.map(([, , type], index) => `$${index + 1}::${type}[]`).join(', ')})
     ON CONFLICT (event_id, recipient, channel) DO NOTHING
     RETURNING id, event_id AS "eventId", recipient, channel, status`,
    arrays,
  );
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
