import {
  EventTypes,
  newCloudEvent,
  Topics,
  type AppealRegisteredData,
  type FieldError,
  type SubmittedAppealData,
} from '@app/contracts';
import { OutboxWriter, payloadFingerprint } from '@app/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { INTAKE_EVENT_SOURCE } from '../intake.definition';
import { Appeal } from './appeal.entity';
import {
  believableArrival,
  decideReceivedAt,
  SUBMITTED_AT_POLICY,
  type SubmittedAtPolicy,
} from './received-at';
import { TrackingNumberIssuer } from './tracking-number';

export interface Submission {
  /** The publishing system (CloudEvent `source`, or the HTTP entrance). */
  source: string;
  /** Unique per source (CloudEvent `id`, or the Idempotency-Key header). */
  sourceEventId: string;
  data: SubmittedAppealData;
  /** The moment it reached intake: the HTTP request, or the Kafka record's timestamp (bounded on use). */
  arrivedAt: Date;
}

export type Registration =
  | { outcome: 'registered'; appeal: Appeal }
  | { outcome: 'duplicate'; appeal: Appeal }
  | { outcome: 'conflict'; appeal: Appeal }
  /** Nothing registered: `submittedAt` lies too far ahead or back (see {@link decideReceivedAt}). */
  | { outcome: 'refused'; fieldErrors: FieldError[] };

/**
 * Random tracking numbers collide now and then (32^8 a year: at a million appeals a year, about one chance
 * in three of a collision within the year); a taken number is drawn again, and five taken in a row means
 * something else is wrong.
 */
const MAX_TRACKING_NUMBER_DRAWS = 5;

/** Registers each submission once: (source, id) is the idempotency key on both entrances. */
@Injectable()
export class AppealRegistrar {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly trackingNumbers: TrackingNumberIssuer,
    @Inject(SUBMITTED_AT_POLICY) private readonly submittedAtPolicy: SubmittedAtPolicy,
  ) {}

  /** For the HTTP entrance, which owns its transaction. */
  async register(submission: Submission): Promise<Registration> {
    const registration = await this.dataSource.transaction((manager) => this.registerIn(manager, submission));
    if (registration.outcome === 'registered') this.outbox.notifyCommitted();
    return registration;
  }

  /** Inside the caller's transaction (the consumer's, which also records the inbox entry). */
  async registerIn(manager: EntityManager, submission: Submission): Promise<Registration> {
    const fingerprint = payloadFingerprint(submission.data);
    const receipt = decideReceivedAt(
      submission.data.submittedAt,
      believableArrival(submission.arrivedAt, new Date(), this.submittedAtPolicy),
      this.submittedAtPolicy,
    );
    if (!receipt.ok) {
      // A retry of a submission registered before is answered as such, even once its submittedAt is stale.
      const earlier = await this.earlierRegistration(manager, submission, fingerprint);
      return (
        earlier ?? { outcome: 'refused', fieldErrors: [{ field: 'submittedAt', reason: receipt.reason }] }
      );
    }
    for (let draw = 1; draw <= MAX_TRACKING_NUMBER_DRAWS; draw += 1) {
      const appeal = this.newAppeal(submission, fingerprint, receipt.receivedAt);
      if (await this.insertIfNew(manager, appeal)) {
        await this.publishRegistered(manager, appeal);
        return { outcome: 'registered', appeal };
      }
      const earlier = await this.earlierRegistration(manager, submission, fingerprint);
      if (earlier) return earlier;
      // Neither inserted nor submitted before: the tracking number drawn was taken.
    }
    throw new Error(`no free tracking number after ${MAX_TRACKING_NUMBER_DRAWS} draws`);
  }

  /** The registration of this (source, id), as a duplicate or a conflict; null when there is none. */
  private async earlierRegistration(
    manager: EntityManager,
    submission: Submission,
    fingerprint: string,
  ): Promise<Registration | null> {
    const existing = await manager.findOneBy(Appeal, {
      source: submission.source,
      sourceEventId: submission.sourceEventId,
    });
    if (!existing) return null;
    return { outcome: existing.payloadSha256 === fingerprint ? 'duplicate' : 'conflict', appeal: existing };
  }

  /**
   * False when a unique key is taken: (source, source event id) by an earlier submission, or the tracking
   * number. DO NOTHING rather than an error, which would abort the caller's whole transaction.
   */
  private async insertIfNew(manager: EntityManager, appeal: Appeal): Promise<boolean> {
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Appeal)
      .values(appeal)
      .orIgnore()
      .updateEntity(false)
      .returning(['id'])
      .execute();
    return (inserted.raw as unknown[]).length > 0;
  }

  private async publishRegistered(manager: EntityManager, appeal: Appeal): Promise<void> {
    await this.outbox.add(manager, [
      {
        topic: Topics.events,
        key: appeal.id,
        event: newCloudEvent<AppealRegisteredData>({
          type: EventTypes.registered,
          source: INTAKE_EVENT_SOURCE,
          subject: appeal.id,
          data: registeredEventData(appeal),
        }),
      },
    ]);
  }

  private newAppeal(submission: Submission, fingerprint: string, receivedAt: Date): Appeal {
    const { data } = submission;
    return Object.assign(new Appeal(), {
      id: randomUUID(),
      trackingNumber: this.trackingNumbers.draw(),
      source: submission.source,
      sourceEventId: submission.sourceEventId,
      payloadSha256: fingerprint,
      externalId: data.externalId,
      kind: data.kind,
      category: data.category,
      regionKato: data.regionKato,
      subject: data.subject,
      text: data.text,
      language: data.language,
      channel: data.channel ?? null,
      citizen: {
        fullName: data.citizen.fullName,
        iin: data.citizen.iin,
        email: data.citizen.email,
        phone: data.citizen.phone,
        preferredChannel: data.citizen.preferredChannel,
      },
      attachments: (data.attachments ?? []).map((attachment) => ({ ...attachment })),
      submittedAt: data.submittedAt ? new Date(data.submittedAt) : null,
      receivedAt,
      status: 'registered',
      registeredAt: new Date(),
    });
  }
}

function registeredEventData(appeal: Appeal): AppealRegisteredData {
  return {
    appealId: appeal.id,
    trackingNumber: appeal.trackingNumber,
    source: appeal.source,
    sourceEventId: appeal.sourceEventId,
    externalId: appeal.externalId,
    kind: appeal.kind,
    category: appeal.category,
    regionKato: appeal.regionKato,
    language: appeal.language,
    channel: appeal.channel ?? undefined,
    submittedAt: appeal.submittedAt?.toISOString(),
    receivedAt: appeal.receivedAt.toISOString(),
    registeredAt: appeal.registeredAt.toISOString(),
    subject: appeal.subject,
    text: appeal.text,
    ...(appeal.attachments.length > 0 && { attachments: appeal.attachments }),
    citizen: {
      fullName: appeal.citizen.fullName,
      email: appeal.citizen.email,
      phone: appeal.citizen.phone,
      preferredChannel: appeal.citizen.preferredChannel,
    },
  } as AppealRegisteredData;
}
