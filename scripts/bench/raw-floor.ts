import { waitUntil } from '@app/local-infra';
import { createKafka } from '@app/messaging';
import type { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { sampleSubmittedEvent } from './sample-appeal';

export interface Measurement {
  name: string;
  count: number;
  seconds: number;
}

const SEND_BATCH = 500;

/** Plain kafkajs: one producer sends N messages of the real size (acks=all) while one consumer reads them. */
export async function measureRawKafka(brokers: string[], count: number): Promise<Measurement> {
  const kafka: Kafka = createKafka({ brokers, clientId: 'bench-raw' });
  const topic = `bench.raw.${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [{ topic, numPartitions: 6, replicationFactor: -1 }],
  });
  // A new topic's metadata reaches every listener a moment after its leaders are elected.
  await waitUntil(`metadata of ${topic}`, async () => {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    return metadata.topics[0]?.partitions.every((partition) => partition.leader >= 0);
  });
  const messages = Array.from({ length: count }, (_, index) => ({
    key: String(index),
    value: sampleSubmittedEvent(index),
  }));
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}` });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 5 });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({ topic, fromBeginning: true });
  let received = 0;
  let resolveAll: () => void = () => undefined;
  const allReceived = new Promise<void>((resolve) => (resolveAll = resolve));
  await consumer.run({
    eachBatch: async ({ batch }) => {
      received += batch.messages.length;
      if (received >= count) resolveAll();
    },
  });
  const started = performance.now();
  for (let offset = 0; offset < count; offset += SEND_BATCH) {
    await producer.send({ topic, acks: -1, messages: messages.slice(offset, offset + SEND_BATCH) });
  }
  await allReceived;
  const seconds = (performance.now() - started) / 1000;
  await Promise.all([consumer.disconnect(), producer.disconnect()]);
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  return { name: 'raw kafkajs produce + consume', count, seconds };
}

/** Plain pg: N rows of the same payload in multi-row INSERTs of 500, each batch its own transaction. */
export async function measureRawPostgres(databaseUrl: string, count: number): Promise<Measurement> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query('CREATE TEMP TABLE bench_raw (id bigserial PRIMARY KEY, payload jsonb NOT NULL)');
  const payloads = Array.from({ length: count }, (_, index) => sampleSubmittedEvent(index));
  const started = performance.now();
  for (let offset = 0; offset < count; offset += SEND_BATCH) {
    const slice = payloads.slice(offset, offset + SEND_BATCH);
    const placeholders = slice.map((_, index) => `($${index + 1}::jsonb)`).join(', ');
    await client.query(`INSERT INTO bench_raw (payload) VALUES ${placeholders}`, slice);
  }
  const seconds = (performance.now() - started) / 1000;
  await client.end();
  return { name: 'raw pg batched insert', count, seconds };
}
