import { createKafka } from '@app/messaging';
import { Partitioners, type Producer } from 'kafkajs';
import { sampleSubmittedEvent } from '../../scripts/bench/sample-appeal';

const SEND_BATCH = 500;
/** How often the fixed-rate publisher sends what has fallen due: 20 small sends a second. */
const RATE_TICK_MS = 50;

/** A run's appeals are `<tag>-0` .. `<tag>-<N-1>`; a fresh tag per run keeps runs apart. */
export function newRunTag(scenario: string): string {
  return `${scenario}-${Date.now().toString(36)}`;
}

/** Publishes sample submitted appeals as an external system would: keyed, acks=all. */
export class AppealPublisher {
  private readonly producer: Producer;

  constructor(brokers: string[]) {
    // kafkajs' default partitioner, named so it does not warn about the v2 change on every run.
    this.producer = createKafka({ brokers, clientId: 'bench-publisher' }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /** Appeals `from` .. `from + count - 1` of `tag`, in sends of 500, as fast as the broker takes them. */
  async publish(topic: string, tag: string, count: number, from = 0): Promise<void> {
    for (let offset = 0; offset < count; offset += SEND_BATCH) {
      const size = Math.min(SEND_BATCH, count - offset);
      await this.send(topic, tag, from + offset, size);
    }
  }

  /**
   * `ratePerSecond` appeals a second for `seconds`, sent in small groups as they fall due. `onSent` gets each
   * group's first index, size and the time the send began (Date.now()): the appeal's publish time.
   */
  async publishAtRate(
    topic: string,
    tag: string,
    rate: { perSecond: number; seconds: number },
    onSent: (from: number, count: number, at: number) => void,
    signal?: AbortSignal,
  ): Promise<number> {
    const total = Math.round(rate.perSecond * rate.seconds);
    const started = performance.now();
    let sent = 0;
    while (sent < total) {
      signal?.throwIfAborted();
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate.perSecond));
      if (due > sent) {
        const at = Date.now();
        await this.send(topic, tag, sent, due - sent);
        onSent(sent, due - sent, at);
        sent = due;
      }
      await new Promise((resolve) => setTimeout(resolve, RATE_TICK_MS));
    }
    return total;
  }

  private async send(topic: string, tag: string, from: number, count: number): Promise<void> {
    const messages = Array.from({ length: count }, (_, index) => ({
      key: `${tag}-${from + index}`,
      value: sampleSubmittedEvent(from + index, tag),
    }));
    await this.producer.send({ topic, acks: -1, messages });
  }
}
