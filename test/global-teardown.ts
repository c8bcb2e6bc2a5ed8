// Global setup and teardown run outside Jest's module mapper: resolve @app/* from tsconfig paths.
import 'tsconfig-paths/register';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { findRepoRoot } from '@app/local-infra';

export default async function globalTeardown(): Promise<void> {
  const kafka = globalThis.__APPEALS_KAFKA__;
  await kafka?.stop();
  if (kafka?.startedLocally) {
    await rm(path.join(findRepoRoot(__dirname), '.local', 'kafka-test', String(process.pid)), {
      recursive: true,
      force: true,
    });
  }
}
