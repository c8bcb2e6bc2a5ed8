import { waitUntil } from '@app/local-infra';
import { normalizeHeaders } from '@app/messaging';
import type { Consumer, IHeaders, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';

export interface TappedRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  /** Header names lower-cased, as services read them. */
  headers: Record<string, string>;
  /** Header names exactly as the producer sent them. */
  headersAsSent: Record<string, string>;
}

export interface TappedEvent<T> {
  key: string | null;
  event: { id: string; type: string; source: string; data: T };
}

function headersAsSent(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined) text[name] = Buffer.isBuffer(last) ? last.toString('utf8') : last;
  }
  return text;
}

/** Reads topics from the beginning into memory, so a test can wait for what was published. */
export class EventTap {
  readonly records: TappedRecord[] = [];
  /** The parsed value of `records[i]`, once asked for. */
  private readonly parsed: Array<TappedEvent<unknown> | undefined> = [];
  private consumer?: Consumer;

  constructor(
    private readonly kafka: Kafka,
    private readonly topics: string[],
  ) {}

  async start(): Promise<void> {
    // A short fetch wait: disconnect() waits for the fetch in flight.
    this.consumer = this.kafka.consumer({ groupId: `test-tap-${randomUUID()}`, maxWaitTimeInMs: 200 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.records.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value,
          headers: normalizeHeaders(message.headers),
          headersAsSent: headersAsSent(message.headers),
        });
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }

  async waitForCount(count: number, what: string, timeoutMs = 20_000): Promise<TappedRecord[]> {
    return waitUntil(what, async () => this.records.length >= count && this.records, {
      timeoutMs,
      intervalMs: 50,
    });
  }

  /**
   * Parsed CloudEvents of one topic that satisfy `match`. Each record is parsed once and kept: tests poll this
   * every few milliseconds, and the shared topic may hold tens of thousands of records by then.
   */
  events<T = Record<string, unknown>>(
    topic: string,
    match: (event: { type: string; data: T }) => boolean,
  ): Array<TappedEvent<T>> {
    const found: Array<TappedEvent<T>> = [];
    this.records.forEach((record, index) => {
      if (record.topic !== topic || !record.value) return;
      this.parsed[index] ??= {
        key: record.key,
        event: JSON.parse(record.value.toString('utf8')) as TappedEvent<unknown>['event'],
      };
      const tapped = this.parsed[index] as TappedEvent<T>;
      if (match(tapped.event)) found.push(tapped);
    });
    return found;
  }

  async waitFor<T = Record<string, unknown>>(
    topic: string,
    what: string,
    match: (event: { type: string; data: T }) => boolean,
    timeoutMs = 30_000,
  ): Promise<TappedEvent<T>> {
    return waitUntil(what, async () => this.events<T>(topic, match)[0], { timeoutMs, intervalMs: 100 });
  }
}
