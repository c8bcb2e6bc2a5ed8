/**
 * `npm start`: the whole system on this machine. Kafka (unless KAFKA_BROKERS names one), the database,
 * topics, then the four services as separate processes. Ctrl-C stops the services, then the broker.
 */
import { createKafka, ensureTopics } from '@app/messaging';
import {
  AppealRoutingSystem,
  findRepoRoot,
  resolveKafkaBrokers,
  SERVICE_NAMES,
  type ServiceName,
} from '@app/local-infra';
import { databaseUrlFromEnv, ensureDatabase } from '@app/persistence';
import path from 'node:path';

const COLOURS: Record<ServiceName, string> = {
  intake: '36',
  routing: '35',
  escalation: '33',
  notification: '32',
};

function prefix(name: ServiceName, line: string): void {
  const tag = process.stdout.isTTY ? `\x1b[${COLOURS[name]}m${name.padEnd(12)}\x1b[0m` : name.padEnd(12);
  process.stdout.write(`${tag} ${line}\n`);
}

function terminationSignal(): Promise<string> {
  return new Promise((resolve) => {
    process.on('SIGINT', () => resolve('SIGINT'));
    process.on('SIGTERM', () => resolve('SIGTERM'));
  });
}

async function main(): Promise<number> {
  const signal = terminationSignal();
  const repoRoot = findRepoRoot(__dirname);
  const databaseUrl = databaseUrlFromEnv();
  const kafka = await resolveKafkaBrokers({
    dataDir: process.env.KAFKA_DATA_DIR ?? path.join(repoRoot, '.local', 'kafka', 'data'),
    log: (line) => console.log(`kafka        ${line}`),
  });
  const system = new AppealRoutingSystem({ repoRoot, brokers: kafka.brokers, databaseUrl, onLine: prefix });
  try {
    console.log(`kafka        ${kafka.startedLocally ? 'started' : 'using'} ${kafka.brokers.join(',')}`);
    await ensureDatabase(databaseUrl);
    await ensureTopics(createKafka({ brokers: kafka.brokers, clientId: 'appeal-routing-start' }));
    const starting = system.start(); // spawns every service before its first await
    const crashed = Promise.race(
      SERVICE_NAMES.map((name) =>
        system
          .service(name)
          .whenExited()
          .then((code) => `${name} exited (code ${code})`),
      ),
    );
    await Promise.race([starting, crashed.then((why) => Promise.reject(new Error(why)))]);
    console.table(
      SERVICE_NAMES.map((name) => ({
        service: name,
        url: system.url(name),
        openapi: `${system.url(name)}/docs`,
      })),
    );
    console.log(
      `Kafka at ${kafka.brokers.join(',')}; PostgreSQL at ${databaseUrl.replace(/\/\/[^@]*@/, '//')}`,
    );
    console.log('appeal-routing is up. Press Ctrl-C to stop.');
    const reason = await Promise.race([signal, crashed]);
    console.log(`${reason}: stopping`);
    return reason.startsWith('SIG') ? 0 : 1;
  } catch (error) {
    console.error(`start failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await system.stop();
    await kafka.stop();
    console.log('stopped');
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
