import { EventTypes, Topics } from '@app/contracts';
import {
  answersOk,
  findRepoRoot,
  ServiceProcess,
  startLocalKafka,
  waitUntil,
  type LocalKafka,
} from '@app/local-infra';
import { createKafka } from '@app/messaging';
import {
  EventTap,
  PORTAL_SOURCE,
  submittedAppeal,
  submittedEvent,
  testDatabaseUrl,
  TestTokenIssuer,
} from '@app/testing';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Kafka goes away while intake serves HTTP. The outbox exists so that appeals are still accepted then:
 * intake stays ready (readiness asks PostgreSQL only) and alive, reports Kafka down on /health/kafka, answers
 * 201, and publishes `registered` once Kafka is back. Restarted during the outage, it still starts, and its
 * consumer joins when Kafka answers. Its own broker, so the shared one is not disturbed.
 */
jest.setTimeout(180_000);

const KAFKA_PORT = 19592;
const INTAKE_PORT = 3401;
const repoRoot = findRepoRoot(__dirname);
const intakeUrl = `http://127.0.0.1:${INTAKE_PORT}`;

let dataDir: string;
let broker: LocalKafka | undefined;
let intake: ServiceProcess;
/** Signs the portal's token: intake fetches this issuer's JWKS, not the console's. */
let issuer: TestTokenIssuer;
let authorization: string;

async function startBroker(): Promise<LocalKafka> {
  return startLocalKafka({ port: KAFKA_PORT, dataDir, heapMb: 384 });
}

async function submit(): Promise<string> {
  const response = await fetch(`${intakeUrl}/api/v1/appeals`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization,
      'idempotency-key': `kafka-outage-${randomUUID()}`,
    },
    body: JSON.stringify(submittedAppeal()),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

function registered(matches: (data: { appealId?: string; sourceEventId?: string }) => boolean) {
  return (event: { type: string; data: unknown }): boolean =>
    event.type === EventTypes.registered && matches(event.data as { appealId?: string });
}

async function status(pathname: string): Promise<number> {
  const response = await fetch(`${intakeUrl}${pathname}`, { signal: AbortSignal.timeout(10_000) });
  return response.status;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kafka-outage-'));
  broker = await startBroker();
  issuer = await TestTokenIssuer.start();
  authorization = `Bearer ${await issuer.systemToken(PORTAL_SOURCE, { expiresInSeconds: 3600 })}`;
  intake = new ServiceProcess({
    name: 'intake',
    repoRoot,
    env: {
      PORT: String(INTAKE_PORT),
      HOST: '127.0.0.1',
      KAFKA_BROKERS: broker.brokers.join(','),
      DATABASE_URL: testDatabaseUrl(),
      LOG_LEVEL: 'warn',
      ...issuer.intakeEnv(),
    },
    logDir: path.join(repoRoot, '.local', 'e2e-logs', 'kafka-outage'),
  });
  intake.start();
  await waitUntil('intake to be ready', () => answersOk(`${intakeUrl}/health/ready`), { timeoutMs: 90_000 });
});

afterAll(async () => {
  await intake?.stop();
  await broker?.stop();
  await issuer?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('accepts appeals while Kafka is away, stays ready and alive, starts anew, and publishes them when Kafka is back', async () => {
  await broker!.stop();
  broker = undefined;
  await waitUntil('intake to report Kafka down', async () => (await status('/health/kafka')) === 503, {
    timeoutMs: 30_000,
  });

  const beforeRestart = await submit();
  expect(await status('/health/ready')).toBe(200);
  expect(await status('/health/live')).toBe(200);

  await intake.stop();
  intake.start();
  await waitUntil(
    'intake to be ready again while Kafka is away',
    () => answersOk(`${intakeUrl}/health/ready`),
    {
      timeoutMs: 90_000,
    },
  );
  const afterRestart = await submit();
  expect(await status('/health/live')).toBe(200);

  broker = await startBroker();
  const kafka = createKafka({ brokers: broker.brokers, clientId: 'kafka-outage-test' });
  const tap = new EventTap(kafka, [Topics.events]);
  await tap.start();
  const producer = kafka.producer();
  await producer.connect();
  try {
    for (const appealId of [beforeRestart, afterRestart]) {
      await tap.waitFor(
        Topics.events,
        `the appeal ${appealId} accepted during the outage to be published`,
        registered((data) => data.appealId === appealId),
        90_000,
      );
    }
    // The consumer started during the outage has joined: an event published now is registered.
    const event = submittedEvent(submittedAppeal());
    await producer.send({
      topic: Topics.intake,
      messages: [{ key: event.id, value: JSON.stringify(event) }],
    });
    await tap.waitFor(
      Topics.events,
      'an event published after the outage to be registered',
      registered((data) => data.sourceEventId === event.id),
      90_000,
    );
    expect(await status('/health/kafka')).toBe(200);
  } finally {
    await producer.disconnect();
    await tap.stop();
  }
});
