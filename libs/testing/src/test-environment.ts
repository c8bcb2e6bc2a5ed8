import { createKafka } from '@app/messaging';
import type { Kafka } from 'kafkajs';

/** Set by test/global-setup.ts for every test file. */
export function testBrokers(): string[] {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers)
    throw new Error('KAFKA_BROKERS is not set: run the tests through jest (global setup starts Kafka)');
  return brokers.split(',');
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through jest');
  return url;
}

export function testKafka(clientId: string): Kafka {
  return createKafka({ brokers: testBrokers(), clientId });
}

/** The console's CONSOLE_CITIZEN_KEY_SECRET in tests (the console refuses to start without one). */
export const TEST_CITIZEN_KEY_SECRET = 'test-only-citizen-key-secret';
