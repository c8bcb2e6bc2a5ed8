/**
 * `npm start`: the whole system on this machine. Kafka (unless KAFKA_BROKERS names one), the database,
 * topics, then the five services as separate processes. Ctrl-C stops the services, then the broker.
 */
import {
  findRepoRoot,
  firstExit,
  resolveKafkaBrokers,
  SERVICE_NAMES,
  signalExitCode,
  startLocalStack,
  watchTermination,
  type AppealRoutingSystem,
  type LocalStack,
  type ResolvedKafkaBrokers,
  type ServiceName,
} from '@app/local-infra';
import { databaseUrlFromEnv } from '@app/persistence';
import path from 'node:path';
import { DEMO_SYSTEM, DEMO_USERS } from '../apps/console/src/identity/demo/demo-accounts';

const COLOURS: Record<ServiceName, string> = {
  intake: '36',
  routing: '35',
  escalation: '33',
  notification: '32',
  console: '34',
};

function prefix(name: ServiceName, line: string): void {
  const tag = process.stdout.isTTY ? `\x1b[${COLOURS[name]}m${name.padEnd(12)}\x1b[0m` : name.padEnd(12);
  process.stdout.write(`${tag} ${line}\n`);
}

function printWhereItRuns(system: AppealRoutingSystem, brokers: string[], databaseUrl: string): void {
  console.table(
    SERVICE_NAMES.map((name) => ({
      service: name,
      url: system.url(name),
      openapi: `${system.url(name)}/docs`,
    })),
  );
  console.log(`Kafka at ${brokers.join(',')}; PostgreSQL at ${databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
}

/** The demo accounts (CONSOLE_DEMO=1, this script only): their passwords are public, as in the README. */
function printDemoAccounts(system: AppealRoutingSystem): void {
  console.log(`Demo users of the console (sign in at ${system.url('console')}, or POST /api/v1/auth/login):`);
  console.table(
    DEMO_USERS.map(({ username, password, role, organizationId, regionKato }) => ({
      username,
      password,
      role,
      scope: organizationId ?? regionKato ?? '',
    })),
  );
  console.log(
    `Demo system ${DEMO_SYSTEM.source}: client id ${DEMO_SYSTEM.clientId}, secret ${DEMO_SYSTEM.clientSecret} ` +
      `(POST ${system.url('console')}/api/v1/auth/token, then Bearer for ${system.url('intake')}/api/v1/appeals)`,
  );
}

async function main(): Promise<number> {
  // First of all: a Ctrl-C at any point of the start-up must stop whatever already runs.
  const termination = watchTermination();
  const repoRoot = findRepoRoot(__dirname);
  const databaseUrl = databaseUrlFromEnv();
  let kafka: ResolvedKafkaBrokers | undefined;
  let stack: LocalStack | undefined;
  try {
    kafka = await resolveKafkaBrokers({
      dataDir: process.env.KAFKA_DATA_DIR ?? path.join(repoRoot, '.local', 'kafka', 'data'),
      dataDirVariable: 'KAFKA_DATA_DIR',
      signal: termination.signal,
      log: (line) => console.log(`kafka        ${line}`),
    });
    console.log(`kafka        ${kafka.startedLocally ? 'started' : 'using'} ${kafka.brokers.join(',')}`);
    // No SMTP server or SMS gateway configured: local sinks keep what citizens would get, as files. The demo
    // users, the demo system and the citizens' answer links are the stack's own (see startLocalStack).
    stack = await startLocalStack({
      repoRoot,
      brokers: kafka.brokers,
      databaseUrl,
      localDir: path.join(repoRoot, '.local'),
      onLine: prefix,
      onFile: (file) => console.log(`delivery     kept ${path.relative(repoRoot, file)}`),
      signal: termination.signal,
    });
    const { system, sinks } = stack;
    printWhereItRuns(system, kafka.brokers, databaseUrl);
    printDemoAccounts(system);
    for (const note of sinks.notes) console.log(note);
    const consoleUrl = system.url('console');
    console.log(
      `The console in a browser: ${consoleUrl} (citizens follow their appeals at ${consoleUrl}/track)`,
    );
    console.log('appeal-routing is up. Press Ctrl-C to stop.');
    const reason = await Promise.race([termination.received, firstExit(system)]);
    console.log(`${reason}: stopping`);
    return reason.startsWith('SIG') ? 0 : 1;
  } catch (error) {
    // The same Ctrl-C also reaches the services, so "intake exited" here is a consequence, not the cause.
    if (termination.signal.aborted) {
      const signal = await termination.received;
      console.log(`${signal} during start-up: stopping`);
      return signalExitCode(signal);
    }
    console.error(`start failed: ${(error as Error).message}`);
    return 1;
  } finally {
    await stack?.stop();
    await kafka?.stop();
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
