import { Topics, type SubmittedAppealData } from '@app/contracts';
import { findRepoRoot, SERVICE_NAMES, startLocalStack, type LocalStack } from '@app/local-infra';
import {
  EventTap,
  OwnTestDatabase,
  publishAppeal,
  startGroupAtEnd,
  testBrokers,
  testKafka,
  type PublishedAppeal,
} from '@app/testing';
import type { Producer } from 'kafkajs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_SYSTEM, DEMO_USERS } from '../../apps/console/src/identity/demo/demo-accounts';

export { DEMO_SYSTEM, DEMO_USERS };

/**
 * Services on 4301..4305 unless TEST_BROWSER_PORT_BASE says otherwise (base + 1..5): away from `npm start`
 * (3001..3005) and the e2e tests (31xx).
 */
function portsFromEnv(): Record<(typeof SERVICE_NAMES)[number], number> {
  const base = Number(process.env.TEST_BROWSER_PORT_BASE ?? 4300);
  return {
    intake: base + 1,
    routing: base + 2,
    escalation: base + 3,
    notification: base + 4,
    console: base + 5,
  };
}

/** The groups each service reads the shared topics with. */
const CONSUMED: Array<[group: string, topic: string]> = [
  ...SERVICE_NAMES.map((name): [string, string] => [name, Topics.events]),
  ['intake', Topics.intake],
  ['console', Topics.notifications],
];

export interface BrowserStack {
  stack: LocalStack;
  /** Where the browser opens the console (and the citizens' pages). */
  consoleUrl: string;
  /** The mail sink's directory: one `.eml` a message citizens would get. */
  mailDir: string;
  /** Publishes an appeal to Kafka as the demo portal (an external system) and waits until intake registered it. */
  publishAppeal(overrides?: Partial<SubmittedAppealData>): Promise<PublishedAppeal>;
  stop(): Promise<void>;
}

/**
 * The whole system for a browser spec, started as `npm start` starts it (startLocalStack: demo users, citizens'
 * link key, links to the console's public pages, local mail and SMS sinks) against the test broker and a database
 * of the spec's own. Every service's group starts at the end of the shared topics: what other test files left
 * there is not this spec's. Logs: `.local/e2e-logs/browser-<name>`; sinks: `.local/browser-tests/<name>`.
 */
export async function startBrowserStack(
  name: string,
  { extraEnv = {} }: { extraEnv?: NodeJS.ProcessEnv } = {},
): Promise<BrowserStack> {
  const repoRoot = findRepoRoot(__dirname);
  const database = new OwnTestDatabase(`browser_${name.replace(/\W/g, '_')}`);
  const kafka = testKafka(`browser-${name}`);
  const localDir = path.join(repoRoot, '.local', 'browser-tests', name);
  await rm(localDir, { recursive: true, force: true });
  await database.create();
  for (const [group, topic] of CONSUMED) await startGroupAtEnd(kafka, group, topic);
  const tap = new EventTap(kafka, [Topics.events]);
  const producer: Producer = kafka.producer();
  let stack: LocalStack | undefined;
  try {
    await tap.start();
    await producer.connect();
    stack = await startLocalStack({
      repoRoot,
      brokers: testBrokers(),
      databaseUrl: database.url,
      localDir,
      // Not this machine's environment: the sinks on free ports (a running `npm start` holds 2525 and 2526).
      env: { NOTIFICATION_LOCAL_SMTP_PORT: '0', NOTIFICATION_LOCAL_SMS_PORT: '0' },
      ports: portsFromEnv(),
      extraEnv: {
        LOG_LEVEL: 'warn',
        // Every browser of a spec signs in (and refreshes on each reload) from 127.0.0.1: one address, many people.
        CONSOLE_RATE_LIMIT_SIGN_IN: '1000/60',
        ...extraEnv,
      },
      logDir: path.join(repoRoot, '.local', 'e2e-logs', `browser-${name}`),
    });
  } catch (error) {
    await Promise.allSettled([tap.stop(), producer.disconnect()]);
    await database.drop().catch(() => undefined);
    throw error;
  }
  const started = stack;
  return {
    stack: started,
    consoleUrl: started.system.url('console'),
    mailDir: path.join(localDir, 'mail'),
    publishAppeal: (overrides = {}) => publishAppeal(producer, tap, DEMO_SYSTEM.source, overrides),
    async stop() {
      // Whatever fails on the way, the rest is still cleaned up; then the first failure is reported.
      const steps = [
        await Promise.allSettled([started.stop()]),
        await Promise.allSettled([producer.disconnect(), tap.stop()]),
        // The services' groups are left at the end too, for the next file on the shared topics: one at a time, as
        // two moves of one group's offsets at once would meet in the group.
        await settledInTurn(
          CONSUMED.map(
            ([group, topic]) =>
              () =>
                startGroupAtEnd(kafka, group, topic),
          ),
        ),
        await Promise.allSettled([database.drop()]),
      ].flat();
      const failed = steps.find((step): step is PromiseRejectedResult => step.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };
}

/** Runs each step after the one before, whatever became of it. */
async function settledInTurn(steps: Array<() => Promise<unknown>>): Promise<PromiseSettledResult<unknown>[]> {
  const results: PromiseSettledResult<unknown>[] = [];
  for (const step of steps) results.push(...(await Promise.allSettled([step()])));
  return results;
}

/** A demo account of the README by role (CONSOLE_DEMO=1). */
export function demoUser(username: string): (typeof DEMO_USERS)[number] {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user;
}
