// Global setup and teardown run outside Jest's module mapper: resolve @app/* from tsconfig paths.
import 'tsconfig-paths/register';
import { createKafka, ensureTopics } from '@app/messaging';
import { findRepoRoot, resolveKafkaBrokers, type ResolvedKafkaBrokers } from '@app/local-infra';
import { databaseUrlFromEnv, dropDatabase, ensureDatabase, withDatabase } from '@app/persistence';
import path from 'node:path';

declare global {
  var __APPEALS_KAFKA__: ResolvedKafkaBrokers | undefined;
}

/**
 * A real broker (ours on a test port, or KAFKA_BROKERS) and a fresh test database for the whole run.
 * The test database is DATABASE_URL's server with the database `appeals_test`, dropped and created anew.
 */
export default async function globalSetup(): Promise<void> {
  const repoRoot = findRepoRoot(__dirname);
  const kafka = await resolveKafkaBrokers({
    port: Number(process.env.TEST_KAFKA_PORT ?? 29092),
    dataDir: path.join(repoRoot, '.local', 'kafka-test', String(process.pid)),
    log: (line) => process.stdout.write(`[kafka] ${line}\n`),
  });
  globalThis.__APPEALS_KAFKA__ = kafka;
  process.env.KAFKA_BROKERS = kafka.brokers.join(',');

  const databaseUrl = process.env.TEST_DATABASE_URL ?? withDatabase(databaseUrlFromEnv(), 'appeals_test');
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  process.env.TEST_DATABASE_URL = databaseUrl;

  await ensureTopics(createKafka({ brokers: kafka.brokers, clientId: 'test-setup' }));
}
