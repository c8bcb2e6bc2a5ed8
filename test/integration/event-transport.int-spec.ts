import { EventTypes, newCloudEvent, type AppealRoutedData } from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import {
  CloudEventContext,
  CloudEventsKafkaServer,
  DLQ_REASON_HEADER,
  EventConsumer,
  messagingMigrations,
  OutboxWriter,
} from '@app/messaging';
import {
  createServiceDataSource,
  migrateServiceSchema,
  type ServiceDataSourceOptions,
} from '@app/persistence';
import { Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { Admin, Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { EventTap, testBrokers, testDatabaseUrl, testKafka } from '@app/testing';

/**
 * The Nest side of messaging: an ordinary `@EventPattern` handler behind CloudEventsKafkaServer. Nest turns a
 * handler's error into "Internal server error" by default; these tests prove the consumer still sees the
 * original error, so a lost connection is retried and a bug is dead-lettered with its real cause.
 */
jest.setTimeout(60_000);

const SCHEMA = `transport_it_${randomBytes(4).toString('hex')}`;
const INPUT = `it.transport.${randomBytes(4).toString('hex')}`;
const DEAD_LETTERS = `${INPUT}.dlq`;

class Effects1764000000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE ${SCHEMA}.effect (appeal_id uuid PRIMARY KEY, organization_id text)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${SCHEMA}.effect`);
  }
}

const attempts = new Map<string, number>();
const FLAKY_ORGANIZATION = 'flaky-database';
const BROKEN_ORGANIZATION = 'broken-handler';

@EventConsumer()
class RoutedConsumer {
  @EventPattern(EventTypes.routed)
  async routed(@Payload() routed: AppealRoutedData, @Ctx() context: CloudEventContext): Promise<void> {
    const attempt = (attempts.get(routed.appealId) ?? 0) + 1;
    attempts.set(routed.appealId, attempt);
    if (routed.organizationId === FLAKY_ORGANIZATION && attempt <= 3) {
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    }
    if (routed.organizationId === BROKEN_ORGANIZATION) throw new Error('directory entry has no name');
    await context
      .getManager()
      .query(`INSERT INTO ${SCHEMA}.effect (appeal_id, organization_id) VALUES ($1, $2)`, [
        routed.appealId,
        routed.organizationId,
      ]);
  }
}

@Module({ controllers: [RoutedConsumer] })
class TransportTestModule {}

function routedEvent(organizationId: string) {
  const data: AppealRoutedData = {
    appealId: randomUUID(),
    trackingNumber: 'KZ-2026-TEST-0001',
    organizationId,
    organizationName: 'Test akimat',
    regionKato: '751110000',
    routedAt: new Date().toISOString(),
    isFallback: false,
    kind: 'complaint',
    language: 'kk',
  };
  return newCloudEvent({ type: EventTypes.routed, source: 'urn:it:routing', subject: data.appealId, data });
}

let dataSource: DataSource;
let microservice: INestMicroservice;
let producer: Producer;
let admin: Admin;
let tap: EventTap;

beforeAll(async () => {
  const options: ServiceDataSourceOptions = {
    url: testDatabaseUrl(),
    schema: SCHEMA,
    entities: [],
    migrations: [...messagingMigrations(SCHEMA), Effects1764000000100],
    applicationName: 'transport-it',
  };
  await migrateServiceSchema(options);
  dataSource = await createServiceDataSource(options).initialize();
  const kafka = testKafka('transport-it');
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    waitForLeaders: true,
    topics: [
      { topic: INPUT, numPartitions: 1 },
      { topic: DEAD_LETTERS, numPartitions: 1 },
    ],
  });
  producer = kafka.producer();
  await producer.connect();
  tap = new EventTap(kafka, [DEAD_LETTERS]);
  await tap.start();
  const server = new CloudEventsKafkaServer(
    {
      connection: { brokers: testBrokers(), clientId: 'transport-it' },
      consumer: `transport-it-${randomUUID()}`,
      groupId: `transport-it-${randomUUID()}`,
      topics: [{ topic: INPUT, deadLetterTopic: DEAD_LETTERS }],
      schema: SCHEMA,
      retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 50 },
    },
    dataSource,
    new OutboxWriter(SCHEMA),
  );
  microservice = await NestFactory.createMicroservice(TransportTestModule, {
    strategy: server,
    logger: false,
  });
  await microservice.listen();
});

afterAll(async () => {
  await microservice?.close();
  await tap?.stop();
  await producer?.disconnect();
  await admin?.deleteTopics({ topics: [INPUT, DEAD_LETTERS] }).catch(() => undefined);
  await admin?.disconnect();
  await dataSource?.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
  await dataSource?.destroy();
});

async function effectFor(appealId: string): Promise<string | undefined> {
  const rows = await dataSource.query<Array<{ organization_id: string }>>(
    `SELECT organization_id FROM ${SCHEMA}.effect WHERE appeal_id = $1`,
    [appealId],
  );
  return rows[0]?.organization_id;
}

describe('CloudEventsKafkaServer with @EventConsumer handlers', () => {
  it('retries a handler that lost its database connection until it succeeds, beyond the attempt limit', async () => {
    const event = routedEvent(FLAKY_ORGANIZATION);
    await producer.send({
      topic: INPUT,
      messages: [{ key: event.data.appealId, value: JSON.stringify(event) }],
    });
    await waitUntil('the flaky handler to succeed', () => effectFor(event.data.appealId));
    expect(attempts.get(event.data.appealId)).toBe(4);
    expect(tap.records).toHaveLength(0);
  });

  it('dead-letters a failing handler with its real error, then goes on with the next event', async () => {
    const broken = routedEvent(BROKEN_ORGANIZATION);
    const fine = routedEvent('akimat-almaty');
    await producer.send({
      topic: INPUT,
      messages: [broken, fine].map((event) => ({ key: 'same-partition', value: JSON.stringify(event) })),
    });
    const dead = await waitUntil('the dead letter', async () => tap.records[0]);
    expect(JSON.parse(dead.headers[DLQ_REASON_HEADER])).toMatchObject({
      code: 'processing-failed',
      message: 'Error: directory entry has no name',
    });
    expect(dead.value?.toString('utf8')).toBe(JSON.stringify(broken));
    await waitUntil('the next event to be applied', () => effectFor(fine.data.appealId));
    expect(await effectFor(broken.data.appealId)).toBeUndefined();
  });

  it('dead-letters an event whose data breaks its contract, naming the field', async () => {
    const event = routedEvent('akimat-almaty');
    const bad = { ...event, id: randomUUID(), data: { ...event.data, appealId: 'not-a-uuid' } };
    await producer.send({ topic: INPUT, messages: [{ value: JSON.stringify(bad) }] });
    const dead = await waitUntil('the dead letter', async () =>
      tap.records.find((record) => record.value?.toString('utf8') === JSON.stringify(bad)),
    );
    const reason = JSON.parse(dead.headers[DLQ_REASON_HEADER]) as {
      code: string;
      fieldErrors: Array<{ field: string }>;
    };
    expect(reason.code).toBe('invalid-data');
    expect(reason.fieldErrors.map((error) => error.field)).toContain('data.appealId');
  });
});
