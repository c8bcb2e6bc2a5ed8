import { newCloudEvent, type CloudEvent } from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import {
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
import { EventTap, testDatabaseUrl, testKafka } from '@app/testing';
import type { Admin } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL drops every connection of the consumer and the outbox relay, again and again, in the middle
 * of the load (what a failover or an administrator's pg_terminate_backend does). Transactions cut off
 * mid-way must be retried as transient failures, not dead-lettered, and the run must end with every event
 * applied once and every outcome published.
 */
jest.setTimeout(180_000);

const RUN = randomBytes(4).toString('hex');
const SCHEMA = `dropped_it_${RUN}`;
const APPLICATION = `dropped-connections-it-${RUN}`;
const INPUT = `it.dropped.${RUN}.in`;
const OUTPUT = `it.dropped.${RUN}.out`;
const DEAD_LETTERS = `it.dropped.${RUN}.dlq`;
const TYPE = 'it.dropped.note.v1';
const TOTAL = 1200;
const DISRUPTIONS = 4;

/** No primary key: an effect applied twice shows as a second row instead of being hidden by a constraint. */
class Effects1764000000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE ${SCHEMA}.effect (event_id text NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${SCHEMA}.effect`);
  }
}

const kafka = testKafka('dropped-connections-it');
const outbox = new OutboxWriter(SCHEMA);
let admin: Admin;
let dataSource: DataSource;
let observer: Client;
let consumer: ReliableConsumer;
let relay: OutboxRelay;
let relayProducer: EventProducer;
let outcomes: EventTap;
let deadLetters: EventTap;
/** Retries the consumer reported, by kind of failure. */
const retries: string[] = [];

const router: EventRouter = {
  handles: (type) => type === TYPE,
  validate: (event) => event,
  handle: async (event, { manager }) => {
    await manager.query(`INSERT INTO ${SCHEMA}.effect (event_id) VALUES ($1)`, [event.id]);
    // Holds the transaction open a little, so that terminations land inside transactions too.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await outbox.add(manager, [
      {
        topic: OUTPUT,
        key: event.id,
        event: newCloudEvent({ type: `${TYPE}.done`, source: 'it', data: { of: event.id } }),
      },
    ]);
  },
};

/** Ends every connection the consumer and the relay hold; returns how many there were. */
async function dropConnections(): Promise<number> {
  const { rows } = await observer.query<{ dropped: number }>(
    `SELECT count(*)::int AS dropped FROM (
       SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = $1) AS terminated`,
    [APPLICATION],
  );
  return rows[0].dropped;
}

async function count(sql: string): Promise<number> {
  const { rows } = await observer.query<{ n: number }>(sql);
  return rows[0].n;
}

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic: INPUT, numPartitions: 3 },
      { topic: OUTPUT, numPartitions: 3 },
      { topic: DEAD_LETTERS, numPartitions: 1 },
    ],
  });
  const options: ServiceDataSourceOptions = {
    url: testDatabaseUrl(),
    schema: SCHEMA,
    entities: [],
    migrations: [...messagingMigrations(SCHEMA), Effects1764000000100],
    applicationName: APPLICATION,
  };
  await migrateServiceSchema(options);
  dataSource = await createServiceDataSource(options).initialize();
  observer = new Client({ connectionString: testDatabaseUrl(), application_name: `${APPLICATION}-observer` });
  await observer.connect();
  relayProducer = new EventProducer(kafka);
  relay = new OutboxRelay(dataSource, relayProducer, { schema: SCHEMA, idlePollMs: 200 });
  outbox.onCommitted(() => relay.wake());
  relay.start();
  consumer = new ReliableConsumer(kafka, dataSource, new Inbox(SCHEMA), new EventProducer(kafka), router, {
    consumer: 'dropped-connections-it',
    groupId: `dropped-connections-it-${RUN}`,
    topics: [{ topic: INPUT, deadLetterTopic: DEAD_LETTERS }],
    retry: { initialDelayMs: 50, maxDelayMs: 500 },
    outbox,
    afterCommit: () => outbox.notifyCommitted(),
    log: (_level, _message, fields) => {
      if (typeof fields?.kind === 'string') retries.push(fields.kind);
    },
  });
  await consumer.start();
  outcomes = new EventTap(kafka, [OUTPUT]);
  deadLetters = new EventTap(kafka, [DEAD_LETTERS]);
  await Promise.all([outcomes.start(), deadLetters.start()]);
});

afterAll(async () => {
  await Promise.allSettled([outcomes?.stop(), deadLetters?.stop(), consumer?.stop()]);
  await relay?.stop();
  await relayProducer?.disconnect().catch(() => undefined);
  await observer?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
  await admin?.deleteTopics({ topics: [INPUT, OUTPUT, DEAD_LETTERS] }).catch(() => undefined);
  await Promise.allSettled([admin?.disconnect(), observer?.end(), dataSource?.destroy()]);
});

it('applies every event once and publishes every outcome while PostgreSQL drops its connections mid-load', async () => {
  const all: CloudEvent[] = Array.from({ length: TOTAL }, (_, index) =>
    newCloudEvent({ type: TYPE, source: 'it', data: { index } }),
  );
  const producer = kafka.producer();
  await producer.connect();
  await producer.send({
    topic: INPUT,
    acks: -1,
    messages: all.map((event) => ({ key: event.id, value: JSON.stringify(event) })),
  });
  await producer.disconnect();

  const effects = (): Promise<number> => count(`SELECT count(*)::int AS n FROM ${SCHEMA}.effect`);
  await waitUntil('the first events applied', async () => (await effects()) > 0, { timeoutMs: 60_000 });
  const dropped: number[] = [];
  for (let round = 0; round < DISRUPTIONS; round += 1) {
    dropped.push(await dropConnections());
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  const appliedDuringDisruption = await effects();

  await waitUntil('every event applied', async () => (await effects()) >= TOTAL, { timeoutMs: 120_000 });
  const published = await waitUntil(
    'every outcome published',
    async () => {
      const ids = new Set(
        outcomes.events<{ of: string }>(OUTPUT, () => true).map(({ event }) => event.data.of),
      );
      return ids.size === TOTAL ? ids : undefined;
    },
    { timeoutMs: 120_000 },
  );

  // The disruption hit open connections and cut off transactions while work remained; all were retried.
  expect(dropped.filter((connections) => connections > 0).length).toBeGreaterThanOrEqual(2);
  expect(appliedDuringDisruption).toBeLessThan(TOTAL);
  expect(retries.length).toBeGreaterThan(0);
  expect(new Set(retries)).toEqual(new Set(['transient']));
  expect(await effects()).toBe(TOTAL);
  expect(await count(`SELECT count(DISTINCT event_id)::int AS n FROM ${SCHEMA}.effect`)).toBe(TOTAL);
  expect([...published].sort()).toEqual(all.map((event) => event.id).sort());
  expect(await count(`SELECT count(*)::int AS n FROM ${SCHEMA}.inbox_message`)).toBe(TOTAL);
  await waitUntil(
    'the outbox drained',
    async () => (await count(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox_message`)) === 0,
  );
  expect(deadLetters.records).toHaveLength(0);
});
