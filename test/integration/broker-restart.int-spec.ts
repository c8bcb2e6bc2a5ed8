import { newCloudEvent, type CloudEvent } from '@app/contracts';
import { startLocalKafka, waitUntil, type LocalKafka } from '@app/local-infra';
import {
  createKafka,
  EventProducer,
  Inbox,
  messagingMigrations,
  OutboxRelay,
  OutboxWriter,
  ReliableConsumer,
  type EventRouter,
} from '@app/messaging';
import {
  createServiceDataSource,
  migrateServiceSchema,
  type ServiceDataSourceOptions,
} from '@app/persistence';
import { EventTap, testDatabaseUrl } from '@app/testing';
import type { Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The broker goes away in the middle of the load and comes back: a consumer that applies events and an
 * outbox relay that publishes what they cause must end with every event applied once and every
 * resulting event published, none lost. Its own broker, so the shared one is not disturbed.
 */
jest.setTimeout(180_000);

const PORT = 19392;
const SCHEMA = `restart_it_${randomBytes(4).toString('hex')}`;
const INPUT = 'restart.input';
const OUTPUT = 'restart.output';
const DEAD_LETTERS = 'restart.dlq';
const TYPE = 'it.restart.note.v1';
const TOTAL = 1200;

class Effects1764000000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE ${SCHEMA}.effect (event_id text PRIMARY KEY)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${SCHEMA}.effect`);
  }
}

let dataDir: string;
let broker: LocalKafka | undefined;
let kafka: Kafka;
let dataSource: DataSource;
let consumer: ReliableConsumer;
let relay: OutboxRelay;
let relayProducer: EventProducer;
let tap: EventTap;

const outbox = new OutboxWriter(SCHEMA);
const router: EventRouter = {
  handles: (type) => type === TYPE,
  validate: (event) => event,
  handle: async (event, { manager }) => {
    // Slow enough that the load is still running when the broker goes away.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await manager.query(`INSERT INTO ${SCHEMA}.effect (event_id) VALUES ($1)`, [event.id]);
    await outbox.add(manager, [
      {
        topic: OUTPUT,
        key: event.id,
        event: newCloudEvent({ type: `${TYPE}.done`, source: 'it', data: { of: event.id } }),
      },
    ]);
  },
};

function events(count: number): CloudEvent[] {
  return Array.from({ length: count }, (_, index) =>
    newCloudEvent({ type: TYPE, source: 'it', data: { index } }),
  );
}

async function publish(batch: CloudEvent[]): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic: INPUT,
    acks: -1,
    messages: batch.map((event) => ({ key: event.id, value: JSON.stringify(event) })),
  });
  await producer.disconnect();
}

async function effectCount(): Promise<number> {
  const [{ count }] = await dataSource.query<Array<{ count: number }>>(
    `SELECT count(*)::int AS count FROM ${SCHEMA}.effect`,
  );
  return count;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'broker-restart-'));
  broker = await startLocalKafka({ port: PORT, dataDir, heapMb: 384 });
  kafka = createKafka({ brokers: broker.brokers, clientId: 'broker-restart-it' });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic: INPUT, numPartitions: 3 },
      { topic: OUTPUT, numPartitions: 3 },
      { topic: DEAD_LETTERS, numPartitions: 1 },
    ],
  });
  await admin.disconnect();
  const options: ServiceDataSourceOptions = {
    url: testDatabaseUrl(),
    schema: SCHEMA,
    entities: [],
    migrations: [...messagingMigrations(SCHEMA), Effects1764000000100],
    applicationName: 'broker-restart-it',
  };
  await migrateServiceSchema(options);
  dataSource = await createServiceDataSource(options).initialize();
  relayProducer = new EventProducer(kafka);
  relay = new OutboxRelay(dataSource, relayProducer, { schema: SCHEMA, idlePollMs: 200 });
  outbox.onCommitted(() => relay.wake());
  relay.start();
  consumer = new ReliableConsumer(kafka, dataSource, new Inbox(SCHEMA), new EventProducer(kafka), router, {
    consumer: 'restart-it',
    groupId: `restart-it-${SCHEMA}`,
    topics: [{ topic: INPUT, deadLetterTopic: DEAD_LETTERS }],
    outbox,
    afterCommit: () => outbox.notifyCommitted(),
    log: () => undefined,
  });
  await consumer.start();
  tap = new EventTap(kafka, [OUTPUT]);
  await tap.start();
});

afterAll(async () => {
  await tap?.stop().catch(() => undefined);
  await consumer?.stop().catch(() => undefined);
  await relay?.stop();
  await relayProducer?.disconnect().catch(() => undefined);
  await dataSource?.query(`DROP SCHEMA ${SCHEMA} CASCADE`).catch(() => undefined);
  await dataSource?.destroy();
  await broker?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

it('applies every event once and publishes every outcome when the broker restarts mid-load', async () => {
  const all = events(TOTAL);
  await publish(all);
  await waitUntil('the first events applied', async () => (await effectCount()) > 0, { timeoutMs: 60_000 });

  await broker?.stop();
  const appliedWhileStopped = await effectCount();
  broker = await startLocalKafka({ port: PORT, dataDir, heapMb: 384 });
  expect(appliedWhileStopped).toBeLessThan(TOTAL);

  await waitUntil('every event applied', async () => (await effectCount()) === TOTAL, { timeoutMs: 120_000 });
  const published = await waitUntil(
    'every outcome published',
    async () => {
      const ids = new Set(tap.events<{ of: string }>(OUTPUT, () => true).map(({ event }) => event.data.of));
      return ids.size === TOTAL ? ids : undefined;
    },
    { timeoutMs: 120_000 },
  );
  expect([...published].sort()).toEqual(all.map((event) => event.id).sort());
  const [{ inbox }] = await dataSource.query<Array<{ inbox: number }>>(
    `SELECT count(*)::int AS inbox FROM ${SCHEMA}.inbox_message`,
  );
  expect(inbox).toBe(TOTAL);
  const [{ pending }] = await dataSource.query<Array<{ pending: number }>>(
    `SELECT count(*)::int AS pending FROM ${SCHEMA}.outbox_message`,
  );
  expect(pending).toBe(0);
});
