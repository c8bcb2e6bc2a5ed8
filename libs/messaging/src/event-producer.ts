import type { IHeaders, Kafka, Producer, TopicMessages } from 'kafkajs';
import { CompressionTypes, Partitioners } from 'kafkajs';

export interface OutgoingRecord {
  topic: string;
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers: IHeaders;
}

export interface EventProducerOptions {
  /** How long one send may take, kafkajs' own retries included, before it is abandoned and the producer recreated. */
  sendTimeoutMs?: number;
}

/** A send that did not finish in time; the broker may still have the records, so it is retried as transient. */
export class SendTimeoutError extends Error {
  readonly retriable = true;

  constructor(timeoutMs: number) {
    super(`Kafka did not acknowledge the send within ${timeoutMs} ms`);
    this.name = 'SendTimeoutError';
  }
}

/**
 * A producer that waits for all in-sync replicas: a send that resolves is durable. Delivery is at least
 * once, by design of everything that sends: the relay republishes a batch whose send failed, and consumers
 * drop copies by event id in their inbox. So the producer is not kafkajs' idempotent one, whose guarantee
 * holds only with unbounded retries (a send that can never give up, and so never lets the relay recover);
 * one request in flight keeps the order of a partition's records through kafkajs' own retries instead.
 * After any failed send the kafkajs producer is replaced by a new one, so nothing of a failed connection
 * or metadata state carries over.
 */
export class EventProducer {
  private producer?: Producer;
  private connected?: Promise<void>;
  private readonly sendTimeoutMs: number;

  constructor(
    private readonly kafka: Kafka,
    options: EventProducerOptions = {},
  ) {
    this.sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
  }

  async connect(): Promise<void> {
    await this.current().connecting;
  }

  async send(records: OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return;
    const { producer, connecting } = this.current();
    const byTopic = new Map<string, TopicMessages>();
    for (const record of records) {
      const topicMessages = byTopic.get(record.topic) ?? { topic: record.topic, messages: [] };
      topicMessages.messages.push({ key: record.key, value: record.value, headers: record.headers });
      byTopic.set(record.topic, topicMessages);
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SendTimeoutError(this.sendTimeoutMs)), this.sendTimeoutMs);
    });
    try {
      await Promise.race([
        connecting.then(() =>
          producer.sendBatch({
            topicMessages: [...byTopic.values()],
            acks: -1,
            compression: CompressionTypes.None,
          }),
        ),
        timeout,
      ]);
    } catch (error) {
      this.discard(producer);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async disconnect(): Promise<void> {
    const producer = this.producer;
    if (!producer) return;
    this.producer = undefined;
    this.connected = undefined;
    await producer.disconnect();
  }

  private current(): { producer: Producer; connecting: Promise<void> } {
    this.producer ??= this.kafka.producer({
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      // Murmur2, as the Java client: external systems partitioning by appeal id land on the same partition.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    const producer = this.producer;
    this.connected ??= producer.connect().catch((error: unknown) => {
      this.discard(producer);
      throw error;
    });
    return { producer, connecting: this.connected };
  }

  /** Forgets a producer whose state may be out of step; the next send starts a new one. */
  private discard(producer: Producer): void {
    if (this.producer !== producer) return;
    this.producer = undefined;
    this.connected = undefined;
    // A send of it that is still retrying may yet land: a copy that consumers drop by event id.
    producer.disconnect().catch(() => undefined);
  }
}
