import {
  EventTypes,
  newCloudEvent,
  Topics,
  type AppealRegisteredData,
  type SubmittedAppealData,
} from '@app/contracts';
import { OutboxWriter } from '@app/messaging';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { INTAKE_EVENT_SOURCE } from '../intake.definition';
import { Appeal } from './appeal.entity';
import { payloadFingerprint } from './payload-fingerprint';
import { newTrackingNumber } from './tracking-number';

export interface Submission {
  /** The publishing system (CloudEvent `source`, or the HTTP entrance). */
  source: string;
  /** Unique per source (CloudEvent `id`, or the Idempotency-Key header). */
  sourceEventId: string;
  data: SubmittedAppealData;
}

export type Registration =
  | { outcome: 'registered'; appeal: Appeal }
  | { outcome: 'duplicate'; appeal: Appeal }
  | { outcome: 'conflict'; appeal: Appeal };

/** Registers each submission once: (source, id) is the idempotency key on both entrances. */
@Injectable()
export class AppealRegistrar {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
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
    const appeal = this.newAppeal(submission, fingerprint);
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(Appeal)
      .values(appeal)
      .orIgnore()
      .updateEntity(false)
      .returning(['id'])
      .execute();
    if ((inserted.raw as unknown[]).length === 0) {
      const existing = await manager.findOneByOrFail(Appeal, {
        source: submission.source,
        sourceEventId: submission.sourceEventId,
      });
      return { outcome: existing.payloadSha256 === fingerprint ? 'duplicate' : 'conflict', appeal: existing };
    }
    const registered = appeal;
    await this.outbox.add(manager, [
      {
        topic: Topics.events,
        key: registered.id,
        event: newCloudEvent<AppealRegisteredData>({
          type: EventTypes.registered,
          source: INTAKE_EVENT_SOURCE,
          subject: registered.id,
          data: registeredEventData(registered),
        }),
      },
    ]);
    return { outcome: 'registered', appeal: registered };
  }

  private newAppeal(submission: Submission, fingerprint: string): Appeal {
    const { data } = submission;
    return Object.assign(new Appeal(), {
      id: randomUUID(),
      trackingNumber: newTrackingNumber(),
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
    registeredAt: appeal.registeredAt.toISOString(),
    citizen: {
      fullName: appeal.citizen.fullName,
      email: appeal.citizen.email,
      phone: appeal.citizen.phone,
      preferredChannel: appeal.citizen.preferredChannel,
    },
  } as AppealRegisteredData;
}
