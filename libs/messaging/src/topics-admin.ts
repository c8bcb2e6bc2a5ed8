import { Topics, TopicPartitions, type TopicName } from '@app/contracts';
import type { Kafka } from 'kafkajs';

/** Creates the public topics with their explicit partition counts; existing topics are left as they are. */
export async function ensureTopics(kafka: Kafka, topics: TopicName[] = Object.values(Topics)): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: TopicPartitions[topic],
          replicationFactor: -1,
        })),
      });
    } catch (error) {
      // Several services start together and race to create the same topic.
      if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
    }
  } finally {
    await admin.disconnect();
  }
}
