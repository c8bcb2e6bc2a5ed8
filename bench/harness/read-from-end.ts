import { createKafka } from '@app/messaging';
import type { Consumer, KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';

/**
 * A plain consumer of `topic` in a group of its own that starts at the topic's end as it is now, and hands
 * each fetched batch to `onBatch` with the time it arrived (Date.now()). The offsets are explicit: what is
 * published after this resolves is read, however long the group takes to join.
 */
export async function readFromEnd(
  brokers: string[],
  topic: string,
  onBatch: (messages: KafkaMessage[], arrivedAt: number) => void,
): Promise<Consumer> {
  const kafka = createKafka({ brokers, clientId: 'bench-reader' });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `bench-reader-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: false });
  await consumer.run({ eachBatch: async ({ batch }) => onBatch(batch.messages, Date.now()) });
  for (const end of ends) consumer.seek({ topic, partition: end.partition, offset: end.offset });
  return consumer;
}
