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
import { EventTap, submittedAppeal, testDatabaseUrl } from '@app/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * Kafka goes away while intake serves HTTP. The outbox exists so that appeals are still accepted then:
 * intake stays ready (readiness asks PostgreSQL only) and alive, reports Kafka down on /health/kafka, answers
 * 201, and publishes `registered` once Kafka is back. Its own broker, so the shared one is not disturbed.
 */
jest.setTimeout(180_000);

const KAFKA_PORT = 19592;
const INTAKE_PORT = 3401;
const repoRoot = findRepoRoot(__dirname);
const intakeUrl = `http://127.0.0.1:${INTAKE_PORT}`;

let dataDir: string;
let broker: LocalKafka | undefined;
let intake: ServiceProcess;

async function startBroker(): Promise<LocalKafka> {
  return startLocalKafka({ port: KAFKA_PORT, dataDir, heapMb: 384 });
}

async function status(pathname: string): Promise<number> {
  const response = await fetch(`${intakeUrl}${pathname}`, { signal: AbortSignal.timeout(10_000) });
  return response.status;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'kafka-outage-'));
  broker = await startBroker();
  intake = new ServiceProcess({
    name: 'intake',
    repoRoot,
    env: {
      PORT: String(INTAKE_PORT),
      HOST: '127.0.0.1',
      KAFKA_BROKERS: broker.brokers.join(','),
      DATABASE_URL: testDatabaseUrl(),
      LOG_LEVEL: 'warn',
    },
    logDir: path.join(repoRoot, '.local', 'e2e-logs', 'kafka-outage'),
  });
  intake.start();
  await waitUntil('intake to be ready', () => answersOk(`${intakeUrl}/health/ready`), { timeoutMs: 90_000 });
});

afterAll(async () => {
  await intake?.stop();
  await broker?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('accepts appeals while Kafka is away, stays ready and alive, and publishes them when Kafka is back', async () => {
  await broker!.stop();
  broker = undefined;
  await waitUntil('intake to report Kafka down', async () => (await status('/health/kafka')) === 503, {
    timeoutMs: 30_000,
  });

  const response = await fetch(`${intakeUrl}/api/v1/appeals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `kafka-outage-${Date.now()}` },
    body: JSON.stringify(submittedAppeal()),
  });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: string };
  expect(await status('/health/ready')).toBe(200);
  expect(await status('/health/live')).toBe(200);

  broker = await startBroker();
  const tap = new EventTap(createKafka({ brokers: broker.brokers, clientId: 'kafka-outage-tap' }), [
    Topics.events,
  ]);
  await tap.start();
  try {
    await tap.waitFor(
      Topics.events,
      'the appeal accepted during the outage to be published',
      (event) =>
        event.type === EventTypes.registered && (event.data as { appealId?: string }).appealId === id,
      90_000,
    );
    expect(await status('/health/kafka')).toBe(200);
  } finally {
    await tap.stop();
  }
});
