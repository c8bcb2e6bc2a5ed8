import type { Consumer } from 'kafkajs';
import { readFromEnd } from './read-from-end';

/** The id a record stands for (an appeal's external id), or undefined for a record of no interest. */
export type RecordIdOf = (value: Buffer) => string | undefined;

/**
 * A plain consumer that reads `topic` from its end at `start()` and notes, per id, how many records came and
 * when the first one became visible to a consumer (Date.now(), comparable with the publisher's clock).
 */
export class TopicWatcher {
  readonly firstSeenAt = new Map<string, number>();
  records = 0;
  /** Only ids that start with it count: the current run's, not the warm-up's late copies. */
  private prefix = '\u0000';
  private consumer?: Consumer;

  constructor(
    private readonly brokers: string[],
    private readonly topic: string,
    private readonly idOf: RecordIdOf,
  ) {}

  get distinct(): number {
    return this.firstSeenAt.size;
  }

  async start(): Promise<void> {
    this.consumer = await readFromEnd(this.brokers, this.topic, (messages, arrivedAt) => {
      for (const message of messages) this.note(message.value, arrivedAt);
    });
  }

  /** From now on count the ids of one run (its external ids' prefix), from zero. */
  countOnly(prefix: string): void {
    this.prefix = prefix;
    this.firstSeenAt.clear();
    this.records = 0;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private note(value: Buffer | null, now: number): void {
    const id = value ? this.idOf(value) : undefined;
    if (id === undefined || !id.startsWith(this.prefix)) return;
    this.records += 1;
    if (!this.firstSeenAt.has(id)) this.firstSeenAt.set(id, now);
  }
}
