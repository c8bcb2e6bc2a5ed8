import { waitUntil } from '@app/local-infra';
import { normalizeHeaders } from '@app/messaging';
import type { Consumer, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export interface TappedRecord {
  topic: string;
  partition: number;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Reads topics from the beginning into memory, so a test can wait for what the system published. */
export class EventTap {
  readonly records: TappedRecord[] = [];
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: string[],
  ) {}

  async start(): Promise<void> {
    this.consumer = this.kafka.consumer({ groupId: `test-tap-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.records.push({
          topic,
          partition,
          key: message.key?.toString('utf8') ?? null,
          value: message.value,
          headers: normalizeHeaders(message.headers),
        });
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  /** Parsed CloudEvents of one topic that satisfy `match`. */
  events<T = Record<string, unknown>>(
    topic: string,
    match: (event: { type: string; data: T }) => boolean,
  ): Array<{ key: string | null; event: { id: string; type: string; source: string; data: T } }> {
    return this.records
      .filter((record) => record.topic === topic && record.value)
      .map((record) => ({ key: record.key, event: JSON.parse(record.value!.toString('utf8')) as never }))
      .filter(({ event }) => match(event));
  }

  async waitFor<T = Record<string, unknown>>(
    topic: string,
    what: string,
    match: (event: { type: string; data: T }) => boolean,
    timeoutMs = 30_000,
  ): Promise<{ key: string | null; event: { id: string; type: string; source: string; data: T } }> {
    return waitUntil(what, async () => this.events<T>(topic, match)[0], { timeoutMs, intervalMs: 100 });
  }
}
