import { Topics, TopicPartitions, type TopicName } from '@app/contracts';
import type { Kafka } from 'kafkajs';

/**
 * Topic settings other than the broker's defaults. The events topic keeps its whole history (no time or size
 * limit, never compacted): the console's read model is rebuilt from it (docs/console.md). The Strimzi
 * KafkaTopic in k8s/kafka-topics.yaml says the same for production.
 */
export const TOPIC_CONFIG: Partial<Record<TopicName, Array<{ name: string; value: string }>>> = {
  [Topics.events]: [
    { name: 'retention.ms', value: '-1' },
    { name: 'retention.bytes', value: '-1' },
    { name: 'cleanup.policy', value: 'delete' },
  ],
};

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
          configEntries: TOPIC_CONFIG[topic] ?? [],
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
