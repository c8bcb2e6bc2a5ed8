import {
  EventTypes,
  newCloudEvent,
  Topics,
  type ActorData,
  type AppealRegisteredData,
  type AppealReopenedData,
  type AppealRespondedData,
  type AppealRoutedData,
  type AppealTransferredData,
  type CloudEvent,
  type DeadlineExtendedData,
  type EscalationRequestedData,
  type TransferRequestedData,
} from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import { encodeCloudEvent, STRUCTURED_CONTENT_TYPE } from '@app/messaging';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/** The sources the services and the console publish lifecycle events under, as seen on the topic. */
export const INTAKE_SOURCE = 'urn:appeal-routing:intake';
export const ROUTING_SOURCE = 'urn:appeal-routing:routing';
export const CONSOLE_SOURCE = 'urn:appeal-routing:console';

export const STAFF: ActorData = { kind: 'staff', id: 'staff-test' };
export const CITIZEN: ActorData = { kind: 'citizen', id: 'citizen-test' };

/** One appeal as routing hands it on: builds the lifecycle events that follow, each keyed by the appeal id. */
export class AppealUnderTest {
  readonly appealId = randomUUID();
  readonly trackingNumber = `KZ-TEST-${this.appealId.slice(0, 8).toUpperCase()}`;

  constructor(
    readonly organizationId = 'akimat-almaty',
    /** Absent for central bodies, as routing leaves it out. */
    readonly regionKato: string | undefined = '751110000',
    readonly kind: AppealRoutedData['kind'] = 'complaint',
  ) {}

  /** As intake registers it, for routing to route: `organizationId` plays no part, routing chooses. */
  registered(category = 'roads.repair'): CloudEvent<AppealRegisteredData> {
    const now = new Date().toISOString();
    return this.event(EventTypes.registered, INTAKE_SOURCE, {
      source: 'urn:kz:egov:portal',
      sourceEventId: randomUUID(),
      externalId: `EGOV-${this.appealId.slice(0, 8)}`,
      kind: this.kind,
      category,
      regionKato: this.regionKato ?? '751110000',
      language: 'kk',
      receivedAt: now,
      registeredAt: now,
      citizen: { fullName: 'Әлия Нұрланова', phone: '+77011234567', preferredChannel: 'sms' },
    });
  }

  routed(receivedAt = new Date()): CloudEvent<AppealRoutedData> {
    return this.event(EventTypes.routed, ROUTING_SOURCE, {
      organizationId: this.organizationId,
      organizationName: 'Алматы қаласы әкімдігі',
      ...(this.regionKato !== undefined && { regionKato: this.regionKato }),
      ruleId: 'test-rule',
      routedAt: new Date().toISOString(),
      receivedAt: receivedAt.toISOString(),
      isFallback: false,
      kind: this.kind,
      language: 'kk',
    });
  }

  responded(organizationId = this.organizationId): CloudEvent<AppealRespondedData> {
    return this.event(EventTypes.responded, CONSOLE_SOURCE, {
      organizationId,
      respondedBy: STAFF,
      respondedAt: new Date().toISOString(),
    });
  }

  reopened(): CloudEvent<AppealReopenedData> {
    return this.event(EventTypes.reopened, CONSOLE_SOURCE, {
      reopenedBy: CITIZEN,
      reopenedAt: new Date().toISOString(),
    });
  }

  deadlineExtended(dueAt: Date, organizationId = this.organizationId): CloudEvent<DeadlineExtendedData> {
    return this.event(EventTypes.deadlineExtended, CONSOLE_SOURCE, {
      organizationId,
      dueAt: dueAt.toISOString(),
      reason: 'Тексеру қосымша уақытты қажет етеді',
      decidedBy: STAFF,
      decidedAt: new Date().toISOString(),
    });
  }

  transferred(
    toOrganizationId: string,
    transferredAt = new Date(),
    fromOrganizationId = this.organizationId,
  ): CloudEvent<AppealTransferredData> {
    return this.event(EventTypes.transferred, CONSOLE_SOURCE, {
      fromOrganizationId,
      toOrganizationId,
      reason: 'Мәселе басқа органның құзыретінде',
      transferredBy: STAFF,
      transferredAt: transferredAt.toISOString(),
    });
  }

  /** The holder's "not ours", as the console publishes it for routing to carry out. */
  transferRequested(
    organizationId: string,
    suggestedOrganizationId?: string,
  ): CloudEvent<TransferRequestedData> {
    return this.event(EventTypes.transferRequested, CONSOLE_SOURCE, {
      organizationId,
      reason: 'Мәселе басқа органның құзыретінде',
      ...(suggestedOrganizationId !== undefined && { suggestedOrganizationId }),
      requestedBy: STAFF,
      requestedAt: new Date().toISOString(),
    });
  }

  escalationRequested(): CloudEvent<EscalationRequestedData> {
    return this.event(EventTypes.escalationRequested, CONSOLE_SOURCE, {
      reason: 'Супервайзер шешімі',
      requestedBy: STAFF,
      requestedAt: new Date().toISOString(),
    });
  }

  private event<T extends object>(
    type: string,
    source: string,
    data: T,
  ): CloudEvent<T & { appealId: string; trackingNumber: string }> {
    return newCloudEvent({
      type,
      source,
      subject: this.appealId,
      data: { appealId: this.appealId, trackingNumber: this.trackingNumber, ...data },
    });
  }
}

/**
 * Publishes lifecycle events on the events topic as the services do: structured CloudEvents keyed by appeal.
 * Notification's outcomes, also keyed by appeal, go the same way on their own topic.
 */
export class LifecyclePublisher {
  private readonly producer: Producer;

  constructor(
    kafka: Kafka,
    private readonly topic: string = Topics.events,
  ) {
    this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
  }

  /** In the order given, each acknowledged by every in-sync replica. */
  async publish(...events: Array<CloudEvent<{ appealId: string }>>): Promise<void> {
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: events.map((event) => ({
        key: event.data.appealId,
        value: encodeCloudEvent(event),
        headers: { 'content-type': STRUCTURED_CONTENT_TYPE },
      })),
    });
  }
}

/**
 * Moves a consumer group to the end of a topic, once it has no running member (a member killed a moment ago
 * holds it for its session timeout), so that a service started under it sees only what is published next,
 * not the events other test files left on the shared topic.
 */
export async function startGroupAtEnd(kafka: Kafka, groupId: string, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitUntil(
      `consumer group ${groupId} to have no member, to move it to the end of ${topic}`,
      async () => {
        // Explicit offsets: kafkajs' resetOffsets commits "latest" as -1, which a consumer reads as "no offset"
        // and, subscribed from the beginning, starts from the topic's first record.
        const ends = await admin.fetchTopicOffsets(topic);
        await admin.setOffsets({
          groupId,
          topic,
          partitions: ends.map(({ partition, high }) => ({ partition, offset: high })),
        });
        return true;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
  } finally {
    await admin.disconnect();
  }
}
