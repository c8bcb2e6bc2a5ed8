import { EventPayloads, Topics, validatePayload, type CloudEvent } from '@app/contracts';
import { decodeCloudEvent, InvalidMessageError, normalizeHeaders, type KafkaClient } from '@app/messaging';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { CaseProjector } from './case-projector';

export interface RebuildReport {
  /** Records read from the beginning of the topic to where it ended when the rebuild started. */
  records: number;
  applied: number;
  /** Duplicates, types the read model does not fold, events of appeals whose registration is gone. */
  skipped: number;
  /** Records the live consumer dead-letters (not a CloudEvent, data against the contract): skipped the same. */
  invalid: number;
}

/** The projection tables, emptied by a rebuild; the audit log is not among them and is never touched. */
const PROJECTION_TABLES = [
  'console.case_event',
  'console.case_attachment',
  'console.case_contact',
  'console.case_file',
];

/**
 * Empties the read model and folds appeals.events.v1 into it again, from the beginning of the topic to where it
 * ended when the rebuild started, under a consumer group of its own that is deleted afterwards. The console's
 * own group keeps its offsets: once the console runs again it goes on from where it stopped, and what the
 * rebuild has applied already counts once (case_event's unique key).
 *
 * The console must not consume meanwhile (an event of a case not yet replayed would find no case and be
 * passed over), so the rebuild refuses to start while the console's group has members.
 */
export class ReadModelRebuild {
  constructor(
    private readonly kafka: KafkaClient,
    private readonly dataSource: DataSource,
    private readonly projector: CaseProjector,
    private readonly liveGroupId: string,
    /** Rebuild even though the topic no longer starts at offset 0: cases registered before are lost. */
    private readonly allowTrimmedHistory = false,
  ) {}

  async run(): Promise<RebuildReport> {
    const ends = await this.endsOfTopic();
    await this.dataSource.query(`TRUNCATE ${PROJECTION_TABLES.join(', ')}`);
    const report: RebuildReport = { records: 0, applied: 0, skipped: 0, invalid: 0 };
    if (ends.size === 0) return report;
    await this.replay(ends, report);
    return report;
  }

  /** Where each partition of the topic ends now (only the partitions holding something), once the console is stopped. */
  private async endsOfTopic(): Promise<Map<number, bigint>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { groups } = await admin.describeGroups([this.liveGroupId]);
      const members = groups[0]?.members.length ?? 0;
      if (members > 0)
        throw new Error(
          `consumer group ${this.liveGroupId} has ${members} member(s): stop the console (scale it to 0) before a rebuild`,
        );
      const offsets = await admin.fetchTopicOffsets(Topics.events);
      const trimmed = offsets.filter(({ low }) => BigInt(low) > 0n);
      if (trimmed.length > 0 && !this.allowTrimmedHistory)
        throw new Error(
          `${Topics.events} no longer holds its whole history (partition ${trimmed[0].partition} starts at offset ${trimmed[0].low}): ` +
            'a rebuild would lose the cases registered before; restore the console schema from its backup instead (docs/console.md)',
        );
      return new Map(
        offsets
          .filter(({ low, high }) => BigInt(high) > BigInt(low))
          .map(({ partition, high }) => [partition, BigInt(high)]),
      );
    } finally {
      await admin.disconnect();
    }
  }

  private async replay(ends: Map<number, bigint>, report: RebuildReport): Promise<void> {
    const groupId = `${this.liveGroupId}-rebuild-${randomUUID()}`;
    const consumer = this.kafka.consumer({ groupId, maxWaitTimeInMs: 500 });
    const pending = new Set(ends.keys());
    let finished!: () => void;
    let failed!: (error: unknown) => void;
    const done = new Promise<void>((resolve, reject) => {
      finished = resolve;
      failed = reject;
    });
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [Topics.events], fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const end = ends.get(batch.partition);
          if (end === undefined || !pending.has(batch.partition)) return;
          const records = batch.messages.filter((message) => BigInt(message.offset) < end);
          try {
            await this.dataSource.transaction(async (manager) => {
              for (const message of records) {
                report.records += 1;
                const event = eventOf(message.headers, message.value);
                if (!event) report.invalid += 1;
                else if ((await this.projector.apply(manager, event)) === 'applied') report.applied += 1;
                else report.skipped += 1;
              }
            });
          } catch (error) {
            failed(error);
            throw error;
          }
          if (BigInt(batch.lastOffset()) + 1n >= end) pending.delete(batch.partition);
          if (pending.size === 0) finished();
        },
      });
      await done;
    } finally {
      await consumer.disconnect();
      await this.deleteGroup(groupId);
    }
  }

  private async deleteGroup(groupId: string): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.deleteGroups([groupId]);
    } finally {
      await admin.disconnect();
    }
  }
}

/** The record as the live consumer would hand it to its handler, or undefined where it would dead-letter it. */
function eventOf(
  headers: Parameters<typeof normalizeHeaders>[0],
  value: Buffer | null,
): CloudEvent | undefined {
  try {
    const event = decodeCloudEvent(normalizeHeaders(headers), value);
    const payloadClass = EventPayloads[event.type];
    if (!payloadClass) return event;
    const checked = validatePayload(payloadClass, event.data);
    return checked.ok ? { ...event, data: checked.value } : undefined;
  } catch (error) {
    if (error instanceof InvalidMessageError) return undefined;
    throw error;
  }
}
