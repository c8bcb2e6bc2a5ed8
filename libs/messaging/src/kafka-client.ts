import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import { redactingKafkaLogCreator } from './kafka-log';

export interface KafkaConnection {
  brokers: string[];
  clientId: string;
}

export function brokersFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) {
    throw new Error(
      'KAFKA_BROKERS is not set: give the Kafka bootstrap servers, e.g. KAFKA_BROKERS=127.0.0.1:9092',
    );
  }
  return brokers;
}

export function createKafka(connection: KafkaConnection, overrides: Partial<KafkaConfig> = {}): Kafka {
  return new Kafka({
    clientId: connection.clientId,
    brokers: connection.brokers,
    logLevel: logLevel.WARN,
    logCreator: redactingKafkaLogCreator(),
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 10_000 },
    ...overrides,
  });
}
