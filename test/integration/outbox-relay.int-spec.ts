import { newCloudEvent, type CloudEvent } from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import {
  EventProducer,
  messagingMetrics,
  messagingMigrations,
  OutboxRelay,
  OutboxWriter,
  runInTrace,
  STRUCTURED_CONTENT_TYPE,
  type OutboxEntry,
} from '@app/messaging';
import {
  createServiceDataSource,
  migrateServiceSchema,
  type ServiceDataSourceOptions,
} from '@app/persistence';
import type { Admin } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { EventTap, type TappedRecord, testDatabaseUrl, testKafka } from '@app/testing';

/**
 * OutboxWriter + OutboxRelay against a real PostgreSQL and a real broker. The file owns one schema;
 * each test gets its own topic.
 */
jest.setTimeout(45_000);

const SCHEMA = `outbox_it_${randomBytes(4).toString('hex')}`;
const TYPE = 'it.outbox.note.v1';
const SOURCE = '/it/outbox';
const TRACEPARENT = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

interface NoteData {
  seq: number;
  note: string;
}

function eventOf(record: TappedRecord): CloudEvent<NoteData> {
  return JSON.parse(record.value?.toString('utf8') ?? 'null') as CloudEvent<NoteData>;
}

describe('OutboxWriter and OutboxRelay (real Kafka, real PostgreSQL)', () => {
  const kafka = testKafka('outbox-relay-int-spec');
  const writer = new OutboxWriter(SCHEMA);
  let options: ServiceDataSourceOptions;
  let dataSource: DataSource;
  let admin: Admin;
  const createdTopics: string[] = [];
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    options = {
      url: testDatabaseUrl(),
      schema: SCHEMA,
      entities: [],
      migrations: [...messagingMigrations(SCHEMA)],
      applicationName: 'outbox-relay-int-spec',
    };
    await migrateServiceSchema(options);
    dataSource = createServiceDataSource(options);
    await dataSource.initialize();
    admin = kafka.admin();
    await admin.connect();
  });

  afterAll(async () => {
    // In reverse: relays stop before the producers and pools they use.
    for (const cleanup of cleanups.reverse()) await settleAll([cleanup()]);
    await settleAll([
      createdTopics.length > 0 ? admin?.deleteTopics({ topics: createdTopics }) : undefined,
      dataSource?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).then(() => undefined),
    ]);
    await settleAll([admin?.disconnect(), dataSource?.destroy()]);
  });

  async function createTopic(partitions: number): Promise<string> {
    const topic = `it.${randomBytes(4).toString('hex')}.outbox`;
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: partitions }] });
    createdTopics.push(topic);
    return topic;
  }

  async function startReader(topic: string): Promise<EventTap> {
    const reader = new EventTap(kafka, [topic]);
    cleanups.push(() => reader.stop());
    await reader.start();
    return reader;
  }

  function newProducer(sendTimeoutMs?: number): EventProducer {
    const producer = new EventProducer(kafka, { sendTimeoutMs });
    cleanups.push(() => producer.disconnect());
    return producer;
  }

  /** A second pool, as another replica of the service would have. */
  async function newDataSource(): Promise<DataSource> {
    const replica = createServiceDataSource({ ...options, poolSize: 2 });
    await replica.initialize();
    cleanups.push(() => replica.destroy());
    return replica;
  }

  function entry(topic: string, key: string, seq: number, note = `note ${seq}`): OutboxEntry {
    return {
      topic,
      key,
      event: newCloudEvent<NoteData>({ type: TYPE, source: SOURCE, data: { seq, note } }),
    };
  }

  async function outboxCount(): Promise<number> {
    const [{ count }] = await dataSource.query<Array<{ count: string }>>(
      `SELECT count(*) AS count FROM ${SCHEMA}.outbox_message`,
    );
    return Number(count);
  }

  async function relayFailures(): Promise<number> {
    const { values } = await messagingMetrics.outboxRelayFailures.get();
    return values.find((value) => value.labels.schema === SCHEMA)?.value ?? 0;
  }

  async function recordCount(topic: string): Promise<number> {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
  }

  it('relayOnce on an empty outbox publishes nothing and returns 0', async () => {
    const relay = new OutboxRelay(dataSource, newProducer(), { schema: SCHEMA });
    expect(await outboxCount()).toBe(0);
    expect(await relay.relayOnce()).toBe(0);
    await relay.stop(); // gives up the schema's lead for the relays of the next tests
  });

  it('publishes committed rows in id order with key and headers, deletes them, and never publishes rolled-back rows', async () => {
    const topic = await createTopic(1);
    const reader = await startReader(topic);
    const first = [entry(topic, 'appeal-a', 1), entry(topic, 'appeal-b', 2), entry(topic, 'appeal-a', 3)];
    const rolledBack = [entry(topic, 'appeal-a', 100), entry(topic, 'appeal-c', 101)];
    const second = [entry(topic, 'appeal-c', 4, 'Өтініш тіркелді'), entry(topic, 'appeal-a', 5)];
    const parentTraceId = randomBytes(16).toString('hex');

    await dataSource.transaction((manager) => writer.add(manager, first));
    await expect(
      dataSource.transaction(async (manager) => {
        await writer.add(manager, rolledBack);
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    await runInTrace(`00-${parentTraceId}-${randomBytes(8).toString('hex')}-01`, () =>
      dataSource.transaction((manager) => writer.add(manager, second)),
    );
    expect(await outboxCount()).toBe(first.length + second.length);

    const relay = new OutboxRelay(dataSource, newProducer(), { schema: SCHEMA });
    expect(await relay.relayOnce()).toBe(first.length + second.length);
    expect(await outboxCount()).toBe(0);
    expect(await relay.relayOnce()).toBe(0);
    await relay.stop();

    const expected = [...first, ...second];
    const records = await reader.waitForCount(expected.length, 'the relayed events');
    expect(await recordCount(topic)).toBe(expected.length);
    expect(records.map((record) => eventOf(record))).toEqual(expected.map(({ event }) => event));
    expect(records.map((record) => record.key)).toEqual(expected.map(({ key }) => key));
    for (const record of records) {
      expect(record.headers['content-type']).toBe(STRUCTURED_CONTENT_TYPE);
      expect(record.headers.traceparent).toMatch(TRACEPARENT);
    }
    const traceIds = records.map((record) => TRACEPARENT.exec(record.headers.traceparent)?.[1]);
    // Rows written inside a trace continue it; rows written outside any trace each start a new one.
    expect(traceIds.slice(first.length)).toEqual([parentTraceId, parentTraceId]);
    expect(new Set(traceIds.slice(0, first.length)).size).toBe(first.length);
    expect(traceIds.slice(0, first.length)).not.toContain(parentTraceId);
  });

  it('a running relay publishes as soon as a commit is notified, without waiting for its idle poll, and stops promptly', async () => {
    const topic = await createTopic(1);
    const reader = await startReader(topic);
    const notifyingWriter = new OutboxWriter(SCHEMA);
    const relay = new OutboxRelay(dataSource, newProducer(), { schema: SCHEMA, idlePollMs: 60_000 });
    notifyingWriter.onCommitted(() => relay.wake());
    relay.start();
    cleanups.push(() => relay.stop());
    // Let the first (empty) pass finish so the relay is asleep on its minute-long poll.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const added = entry(topic, 'appeal-w', 1);
    await dataSource.transaction((manager) => notifyingWriter.add(manager, [added]));
    notifyingWriter.notifyCommitted();

    const [record] = await reader.waitForCount(1, 'the woken relay to publish');
    expect(eventOf(record)).toEqual(added.event);
    await waitUntil('the published row to be deleted', async () => (await outboxCount()) === 0);
    const stopping = Date.now();
    await relay.stop();
    expect(Date.now() - stopping).toBeLessThan(2_000);
  });

  it('keeps rows whose send failed, holds no transaction open meanwhile, and publishes them by itself once Kafka can take them', async () => {
    // A topic that does not exist yet: every send fails (times out) until it is created.
    const topic = `it.${randomBytes(4).toString('hex')}.outbox-late`;
    const entries = [entry(topic, 'appeal-late', 1), entry(topic, 'appeal-late', 2)];
    await dataSource.transaction((manager) => writer.add(manager, entries));
    const failuresBefore = await relayFailures();
    const relay = new OutboxRelay(dataSource, newProducer(500), {
      schema: SCHEMA,
      idlePollMs: 100,
      backlogMeasureMs: 0,
    });
    relay.start();
    cleanups.push(() => relay.stop());

    await waitUntil('two failed sends', async () => (await relayFailures()) >= failuresBefore + 2);
    expect(await outboxCount()).toBe(entries.length);
    const { values } = await messagingMetrics.outboxBacklog.get();
    expect(values.find((value) => value.labels.schema === SCHEMA)?.value).toBe(entries.length);
    const [{ open }] = await dataSource.query<Array<{ open: number }>>(
      `SELECT count(*)::int AS open FROM pg_stat_activity
        WHERE application_name = $1 AND xact_start IS NOT NULL AND pid <> pg_backend_pid()`,
      [options.applicationName],
    );
    expect(open).toBe(0);

    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1 }] });
    createdTopics.push(topic);
    const reader = await startReader(topic);
    const records = await reader.waitForCount(entries.length, 'the rows published once the topic exists');
    await waitUntil('the published rows to be deleted', async () => (await outboxCount()) === 0);
    await relay.stop();
    // A send abandoned on its timeout may still land later: copies consumers drop by id, never a reordering.
    const firstSeen = [...new Map(records.map((record) => [eventOf(record).id, eventOf(record)])).values()];
    expect(firstSeen).toEqual(entries.map(({ event }) => event));
  });

  it('two relays on the same schema running concurrently publish each of 500 rows exactly once, in order per key', async () => {
    const topic = await createTopic(3);
    const rowCount = 500;
    const keys = ['appeal-1', 'appeal-2', 'appeal-3', 'appeal-4', 'appeal-5', 'appeal-6', 'appeal-7'];
    const entries = Array.from({ length: rowCount }, (_, seq) => entry(topic, keys[seq % keys.length], seq));
    for (let start = 0; start < rowCount; start += 100) {
      await dataSource.transaction((manager) => writer.add(manager, entries.slice(start, start + 100)));
    }
    const replicas = await Promise.all([newDataSource(), newDataSource()]);
    const relays = replicas.map(
      (replica) => new OutboxRelay(replica, newProducer(), { schema: SCHEMA, batchSize: 20 }),
    );

    const drain = async (relay: OutboxRelay): Promise<number> => {
      let published = 0;
      for (;;) {
        const count = await relay.relayOnce();
        published += count;
        if (count === 0) {
          if ((await outboxCount()) === 0) return published;
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      }
    };
    const published = await Promise.all(relays.map(drain));
    await Promise.all(relays.map((relay) => relay.stop()));
    expect(published[0] + published[1]).toBe(rowCount);

    const reader = await startReader(topic);
    const records = await reader.waitForCount(rowCount, 'all relayed rows');
    expect(await recordCount(topic)).toBe(rowCount);
    const ids = records.map((record) => eventOf(record).id);
    expect(new Set(ids).size).toBe(rowCount);
    expect(new Set(ids)).toEqual(new Set(entries.map(({ event }) => event.id)));
    for (const key of keys) {
      const sequence = records
        .filter((record) => record.key === key)
        .sort((a, b) => Number(a.offset) - Number(b.offset))
        .map((record) => eventOf(record).data.seq);
      expect(sequence).toEqual([...sequence].sort((a, b) => a - b));
    }
  });
});

/** Waits for every cleanup step even when one fails, then reports the first failure. */
async function settleAll(steps: Array<Promise<unknown> | undefined>): Promise<void> {
  const results = await Promise.allSettled(steps.map((step) => step ?? Promise.resolve()));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
