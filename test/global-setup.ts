// Global setup runs outside Jest's module mapper: resolve @app/* from tsconfig paths.
import 'tsconfig-paths/register';
import { createKafka, ensureTopics } from '@app/messaging';
import {
  findRepoRoot,
  resolveKafkaBrokers,
  signalExitCode,
  watchTermination,
  type ResolvedKafkaBrokers,
} from '@app/local-infra';
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
  const port = Number(process.env.TEST_KAFKA_PORT ?? 29092);
  const termination = watchTermination();
  const starting = resolveKafkaBrokers({
    port,
    // Per port, not per run: the next run finds a broker that a killed run left behind, and stops it.
    dataDir: path.join(repoRoot, '.local', 'kafka-test', String(port)),
    fresh: true,
    portVariable: 'TEST_KAFKA_PORT',
    signal: termination.signal,
    log: (line) => process.stdout.write(`[kafka] ${line}\n`),
  });
  void stopOnSignal(termination.received, starting);
  const kafka = await starting;
  globalThis.__APPEALS_KAFKA__ = kafka;
  process.env.KAFKA_BROKERS = kafka.brokers.join(',');

  const databaseUrl = process.env.TEST_DATABASE_URL ?? withDatabase(databaseUrlFromEnv(), 'appeals_test');
  await dropDatabase(databaseUrl);
  await ensureDatabase(databaseUrl);
  process.env.TEST_DATABASE_URL = databaseUrl;

  await ensureTopics(createKafka({ brokers: kafka.brokers, clientId: 'test-setup' }));
}

/**
 * Jest has no signal handling of its own, and the broker runs detached (a Ctrl-C does not reach it): without
 * this, an interrupted run ends but its broker keeps running.
 */
async function stopOnSignal(
  received: Promise<NodeJS.Signals>,
  starting: Promise<ResolvedKafkaBrokers>,
): Promise<void> {
  const signal = await received;
  try {
    // An interrupted start has stopped its broker already.
    const kafka = await starting.catch(() => undefined);
    await kafka?.stop();
  } finally {
    process.exit(signalExitCode(signal));
  }
}
