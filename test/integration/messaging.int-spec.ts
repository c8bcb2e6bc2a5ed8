import {
  newCloudEvent,
  validatePayload,
  type CloudEvent,
  type FieldError,
  type TopicSubscription,
} from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import {
  DLQ_REASON_CODE_HEADER,
  DLQ_REASON_HEADER,
  EventProducer,
  Inbox,
  InvalidMessageError,
  liveness,
  messagingMetrics,
  messagingMigrations,
  OutboxWriter,
  ReliableConsumer,
  STRUCTURED_CONTENT_TYPE,
  type EventHandlingContext,
  type EventRouter,
  type RetryPolicy,
} from '@app/messaging';
import {
  createServiceDataSource,
  migrateServiceSchema,
  type ServiceDataSourceOptions,
} from '@app/persistence';
import { IsString, Length } from 'class-validator';
import { Partitioners, type Admin, type Message, type Producer } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { QueryFailedError, type DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { EventTap, testDatabaseUrl, testKafka } from '@app/testing';

/**
 * ReliableConsumer against a real broker and a real PostgreSQL: every test gets its own topics,
 * consumer group and inbox consumer name; the file gets its own schema with an `effect` table that the
 * handler writes in the consumer's transaction.
 */
jest.setTimeout(45_000);

const SCHEMA = `msg_it_${randomBytes(4).toString('hex')}`;
const NOTE_TYPE = 'it.messaging.note.v1';
const SOURCE = '/it/messaging';
const RETRY = { maxAttempts: 3, maxTransientAttempts: 6, initialDelayMs: 10, maxDelayMs: 50 };
/** The one-at-a-time path, and the fast path (records produced before the consumer starts share one fetch). */
const BOTH_PATHS: Array<[string, boolean]> = [
  ['one message at a time', false],
  ['inside a chunk applied at once', true],
];
const KAZAKH_NOTE = 'Әкімдікке өтініш: жолды жөндеу қажет';

class EffectTable1764000000100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE ${SCHEMA}.effect (event_id text PRIMARY KEY, note text NOT NULL)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE ${SCHEMA}.effect`);
  }
}

/** The contract of the test event's `data`. */
class NoteData {
  @IsString()
  @Length(1, 500)
  note!: string;
}

type NoteEvent = CloudEvent<NoteData>;
/** What the handler does on its `attempt`-th call for one event (1-based, counted per event id). */
type Behaviour = (event: NoteEvent, context: EventHandlingContext, attempt: number) => Promise<void>;

class NoteRouter implements EventRouter {
  private readonly calls = new Map<string, number>();

  constructor(private readonly behaviour: Behaviour) {}

  handles(type: string): boolean {
    return type === NOTE_TYPE;
  }

  validate(event: CloudEvent): CloudEvent {
    const checked = validatePayload(NoteData, event.data);
    if (!checked.ok) {
      throw new InvalidMessageError(
        'invalid-data',
        `data of ${event.type} does not match its contract`,
        checked.errors.map((error) => ({ field: `data.${error.field}`, reason: error.reason })),
      );
    }
    return { ...event, data: checked.value };
  }

  async handle(event: CloudEvent, context: EventHandlingContext): Promise<void> {
    const attempt = this.callsFor(event.id) + 1;
    this.calls.set(event.id, attempt);
    await this.behaviour(event as NoteEvent, context, attempt);
  }

  callsFor(eventId: string): number {
    return this.calls.get(eventId) ?? 0;
  }
}

const insertEffect: Behaviour = async (event, { manager }) => {
  await manager.query(`INSERT INTO ${SCHEMA}.effect (event_id, note) VALUES ($1, $2)`, [
    event.id,
    event.data.note,
  ]);
};

/** The `dlq-reason` header as the dead-letter writer documents it. */
interface DeadLetterDetail {
  code: string;
  message: string;
  fieldErrors: FieldError[];
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  failedAt: string;
}

interface Pipeline {
  topic: string;
  deadLetterTopic: string;
  consumerName: string;
  groupId: string;
  router: NoteRouter;
  consumer: ReliableConsumer;
  deadLetters: EventTap;
}

interface PipelineOptions {
  partitions?: number;
  afterCommit?: () => void;
  /** Records on the topic before the consumer starts, so its first fetch holds them all. */
  before?: Message[];
  /** The topic is an entrance that carries only notes: other types are dead-lettered, not skipped. */
  entrance?: boolean;
  retry?: Partial<RetryPolicy>;
}

describe('ReliableConsumer (real Kafka, real PostgreSQL)', () => {
  const kafka = testKafka('messaging-int-spec');
  let dataSource: DataSource;
  let admin: Admin;
  let producer: Producer;
  const createdTopics: string[] = [];
  /** Consumers and readers stay up until afterAll and stop together: each kafkajs disconnect waits out a fetch. */
  const stops = new Map<object, () => Promise<void>>();

  beforeAll(async () => {
    const options: ServiceDataSourceOptions = {
      url: testDatabaseUrl(),
      schema: SCHEMA,
      entities: [],
      migrations: [...messagingMigrations(SCHEMA), EffectTable1764000000100],
      applicationName: 'messaging-int-spec',
    };
    await migrateServiceSchema(options);
    dataSource = createServiceDataSource(options);
    await dataSource.initialize();
    admin = kafka.admin();
    await admin.connect();
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
  });

  afterAll(async () => {
    await settleAll([...stops.values()].map((stop) => stop()));
    await settleAll([
      producer?.disconnect(),
      createdTopics.length > 0 ? admin?.deleteTopics({ topics: createdTopics }) : undefined,
      dataSource?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).then(() => undefined),
    ]);
    await settleAll([admin?.disconnect(), dataSource?.destroy()]);
  });

  /** Fresh topics, group and consumer name, with a reader on the dead-letter topic. */
  async function startPipeline(behaviour: Behaviour, options: PipelineOptions = {}): Promise<Pipeline> {
    const id = randomBytes(4).toString('hex');
    const topic = `it.${id}.in`;
    const deadLetterTopic = `it.${id}.dlq`;
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic, numPartitions: options.partitions ?? 1 },
        { topic: deadLetterTopic, numPartitions: 1 },
      ],
    });
    createdTopics.push(topic, deadLetterTopic);
    if (options.before) await producer.send({ topic, acks: -1, messages: options.before });
    const names = { topic, deadLetterTopic, consumerName: `it-consumer-${id}`, groupId: `it-group-${id}` };
    const router = new NoteRouter(behaviour);
    const subscription: TopicSubscription = options.entrance
      ? { topic, deadLetterTopic, carries: [NOTE_TYPE], entrance: true }
      : { topic, deadLetterTopic };
    const consumer = await startConsumer(names, router, options.afterCommit, subscription, options.retry);
    const deadLetters = new EventTap(kafka, [deadLetterTopic]);
    stops.set(deadLetters, () => deadLetters.stop());
    await deadLetters.start();
    return { ...names, router, consumer, deadLetters };
  }

  async function startConsumer(
    names: Pick<Pipeline, 'topic' | 'deadLetterTopic' | 'consumerName' | 'groupId'>,
    router: NoteRouter,
    afterCommit?: () => void,
    subscription: TopicSubscription = { topic: names.topic, deadLetterTopic: names.deadLetterTopic },
    retry: Partial<RetryPolicy> = RETRY,
  ): Promise<ReliableConsumer> {
    const consumer = new ReliableConsumer(
      kafka,
      dataSource,
      new Inbox(SCHEMA),
      new EventProducer(kafka),
      router,
      {
        consumer: names.consumerName,
        groupId: names.groupId,
        topics: [subscription],
        retry,
        afterCommit,
        log: () => undefined,
      },
    );
    stops.set(consumer, () => consumer.stop());
    await consumer.start();
    return consumer;
  }

  async function stopConsumer(consumer: ReliableConsumer): Promise<void> {
    stops.delete(consumer);
    await consumer.stop();
  }

  /** Sends one record and returns where it landed. */
  async function produce(topic: string, message: Message): Promise<{ partition: number; offset: string }> {
    const [metadata] = await producer.send({ topic, acks: -1, messages: [message] });
    if (metadata?.baseOffset === undefined) throw new Error(`no offset returned for a record on ${topic}`);
    return { partition: metadata.partition, offset: metadata.baseOffset };
  }

  function structured(event: CloudEvent, key = event.id, partition?: number): Message {
    return {
      key,
      partition,
      value: JSON.stringify(event),
      headers: { 'content-type': STRUCTURED_CONTENT_TYPE },
    };
  }

  function noteEvent(note: unknown): CloudEvent {
    return newCloudEvent({ type: NOTE_TYPE, source: SOURCE, data: { note } });
  }

  /** Effect rows of these events, in the order the ids are given. */
  async function effectRows(eventIds: string[]): Promise<Array<{ event_id: string; note: string }>> {
    const rows = await dataSource.query<Array<{ event_id: string; note: string }>>(
      `SELECT event_id, note FROM ${SCHEMA}.effect WHERE event_id = ANY($1::text[])`,
      [eventIds],
    );
    return rows.sort((a, b) => eventIds.indexOf(a.event_id) - eventIds.indexOf(b.event_id));
  }

  async function inboxRows(
    consumerName: string,
  ): Promise<Array<{ source: string; event_id: string; event_type: string }>> {
    return dataSource.query<Array<{ source: string; event_id: string; event_type: string }>>(
      `SELECT source, event_id, event_type FROM ${SCHEMA}.inbox_message WHERE consumer = $1 ORDER BY event_id`,
      [consumerName],
    );
  }

  async function waitForEffect(eventId: string): Promise<void> {
    await waitUntil(`effect row for ${eventId}`, async () => (await effectRows([eventId])).length === 1, {
      timeoutMs: 20_000,
      intervalMs: 50,
    });
  }

  async function restarts(groupId: string): Promise<number> {
    const { values } = await messagingMetrics.consumerRestarts.get();
    return values.find((value) => value.labels.group === groupId)?.value ?? 0;
  }

  /** Records on the topic (log end minus log start, summed over partitions). */
  async function recordCount(topic: string): Promise<number> {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, { high, low }) => sum + Number(high) - Number(low), 0);
  }

  /** Resolves once the group's committed offset equals the log end offset on every partition. */
  async function waitForGroupAtEnd(pipeline: Pipeline): Promise<void> {
    await waitUntil(
      `group ${pipeline.groupId} to commit to the end of ${pipeline.topic}`,
      async () => {
        const ends = await admin.fetchTopicOffsets(pipeline.topic);
        const [committed] = await admin.fetchOffsets({ groupId: pipeline.groupId, topics: [pipeline.topic] });
        return ends.every(
          ({ partition, high }) =>
            committed?.partitions.find((entry) => entry.partition === partition)?.offset === high,
        );
      },
      { timeoutMs: 20_000, intervalMs: 100 },
    );
  }

  it('applies an event delivered twice exactly once and commits past both copies', async () => {
    let commits = 0;
    const pipeline = await startPipeline(insertEffect, { partitions: 3, afterCommit: () => (commits += 1) });
    const duplicated = noteEvent('first delivery wins');
    const other = noteEvent('an unrelated event');

    // The same (source, id) on two partitions, consumed concurrently, and once more on the first.
    await produce(pipeline.topic, structured(duplicated, 'a', 0));
    await produce(pipeline.topic, structured(duplicated, 'b', 1));
    await produce(pipeline.topic, structured(duplicated, 'a', 0));
    await produce(pipeline.topic, structured(other, 'c', 2));

    await waitForGroupAtEnd(pipeline);
    expect(await effectRows([duplicated.id, other.id])).toEqual([
      { event_id: duplicated.id, note: 'first delivery wins' },
      { event_id: other.id, note: 'an unrelated event' },
    ]);
    expect(pipeline.router.callsFor(duplicated.id)).toBe(1);
    expect(commits).toBe(2);
    expect(await inboxRows(pipeline.consumerName)).toHaveLength(2);
    expect(await recordCount(pipeline.deadLetterTopic)).toBe(0);
  });

  it.each(BOTH_PATHS)(
    'dead-letters an event that reuses an applied (source, id) with other content (%s), keeping the first',
    async (_path, inOneChunk) => {
      const original = noteEvent('the first content');
      const reused = { ...original, data: { note: 'other content under the same key' } };
      const pipeline = await startPipeline(insertEffect, {
        before: inOneChunk ? [structured(original, 'k'), structured(reused, 'k')] : undefined,
      });
      if (!inOneChunk) {
        await produce(pipeline.topic, structured(original, 'k'));
        await waitForEffect(original.id);
        await produce(pipeline.topic, structured(reused, 'k'));
      }

      const [deadLetter] = await pipeline.deadLetters.waitForCount(1, 'the reused key on the DLQ');
      expect(deadLetter.value?.toString('utf8')).toBe(JSON.stringify(reused));
      expect(deadLetter.headers[DLQ_REASON_CODE_HEADER]).toBe('idempotency-conflict');
      const reason = JSON.parse(deadLetter.headers[DLQ_REASON_HEADER]) as DeadLetterDetail;
      expect(reason.fieldErrors.map((error) => error.field)).toEqual(['id']);
      await waitForGroupAtEnd(pipeline);
      expect(await effectRows([original.id])).toEqual([{ event_id: original.id, note: 'the first content' }]);
      expect(pipeline.router.callsFor(original.id)).toBe(1);
    },
  );

  it('dead-letters unreadable and invalid messages with their original bytes, headers and reason, and keeps consuming', async () => {
    const pipeline = await startPipeline(insertEffect);
    const invalidData = noteEvent(42);
    const cases = [
      {
        name: 'not-json',
        code: 'invalid-json',
        value: Buffer.from('{"specversion": "1.0", oops', 'utf8'),
        withFieldErrors: [] as Array<Partial<FieldError>>,
      },
      {
        name: 'not-utf8',
        code: 'invalid-encoding',
        value: Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0x7d]),
        withFieldErrors: [],
      },
      {
        name: 'not-a-cloudevent',
        code: 'invalid-cloudevent',
        value: Buffer.from(JSON.stringify({ hello: 'world' }), 'utf8'),
        withFieldErrors: [{ field: 'specversion' }, { field: 'id' }, { field: 'source' }, { field: 'type' }],
      },
      {
        name: 'invalid-data',
        code: 'invalid-data',
        value: Buffer.from(JSON.stringify(invalidData), 'utf8'),
        withFieldErrors: [{ field: 'data.note' }],
      },
    ];
    const sent = new Map<string, { partition: number; offset: string }>();
    for (const testCase of cases) {
      sent.set(
        testCase.name,
        await produce(pipeline.topic, {
          key: `key-${testCase.name}`,
          value: testCase.value,
          headers: {
            'content-type': STRUCTURED_CONTENT_TYPE,
            'X-Test-Case': testCase.name,
            'x-origin': 'Ақмола облысы',
          },
        }),
      );
    }
    // A type this consumer does not handle is skipped, not dead-lettered.
    const unhandled = newCloudEvent({ type: 'it.messaging.other.v1', source: SOURCE, data: { x: 1 } });
    await produce(pipeline.topic, structured(unhandled));
    const good = noteEvent('still applied after the bad ones');
    await produce(pipeline.topic, structured(good));

    await waitForEffect(good.id);
    await waitForGroupAtEnd(pipeline);
    const deadLetters = await pipeline.deadLetters.waitForCount(cases.length, 'dead-lettered messages');
    expect(await recordCount(pipeline.deadLetterTopic)).toBe(cases.length);
    expect(await effectRows([invalidData.id, unhandled.id])).toEqual([]);
    expect(await inboxRows(pipeline.consumerName)).toEqual([
      { source: SOURCE, event_id: good.id, event_type: NOTE_TYPE },
    ]);

    for (const testCase of cases) {
      const record = deadLetters.find(
        (candidate) => candidate.headersAsSent['X-Test-Case'] === testCase.name,
      );
      expect(record).toBeDefined();
      if (!record) continue;
      expect(record.key).toBe(`key-${testCase.name}`);
      expect(record.value?.equals(testCase.value)).toBe(true);
      expect(record.headers['content-type']).toBe(STRUCTURED_CONTENT_TYPE);
      expect(record.headers['x-origin']).toBe('Ақмола облысы');
      expect(record.headers[DLQ_REASON_CODE_HEADER]).toBe(testCase.code);
      const detail = JSON.parse(record.headers[DLQ_REASON_HEADER]) as DeadLetterDetail;
      expect(detail).toEqual({
        code: testCase.code,
        message: expect.stringMatching(/\S/),
        fieldErrors: testCase.withFieldErrors.length
          ? expect.arrayContaining(
              testCase.withFieldErrors.map((fieldError): unknown =>
                expect.objectContaining({ ...fieldError, reason: expect.stringMatching(/\S/) }),
              ),
            )
          : [],
        consumer: pipeline.consumerName,
        topic: pipeline.topic,
        partition: sent.get(testCase.name)?.partition,
        offset: sent.get(testCase.name)?.offset,
        failedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
    }
  });

  it.each([
    ['an entrance dead-letters', true],
    ['a shared topic skips', false],
  ])('%s an event of a type it does not take, and applies the next one', async (_what, entrance) => {
    const pipeline = await startPipeline(insertEffect, { entrance });
    const foreign = newCloudEvent({
      type: 'it.messaging.forged.v1',
      source: SOURCE,
      data: { note: 'forged' },
    });
    const next = noteEvent('after the foreign type');
    await produce(pipeline.topic, structured(foreign, 'k'));
    await produce(pipeline.topic, structured(next, 'k'));

    await waitForEffect(next.id);
    await waitForGroupAtEnd(pipeline);
    expect(pipeline.router.callsFor(foreign.id)).toBe(0);
    expect(await inboxRows(pipeline.consumerName)).toEqual([
      { source: SOURCE, event_id: next.id, event_type: NOTE_TYPE },
    ]);
    if (!entrance) {
      expect(await recordCount(pipeline.deadLetterTopic)).toBe(0);
      return;
    }
    const [deadLetter] = await pipeline.deadLetters.waitForCount(1, 'the foreign type on the DLQ');
    expect(deadLetter.value?.toString('utf8')).toBe(JSON.stringify(foreign));
    expect(deadLetter.headers[DLQ_REASON_CODE_HEADER]).toBe('unsupported-type');
    const reason = JSON.parse(deadLetter.headers[DLQ_REASON_HEADER]) as DeadLetterDetail;
    expect(reason.fieldErrors).toEqual([{ field: 'type', reason: `type must be one of: ${NOTE_TYPE}` }]);
  });

  it('dead-letters a binary-mode event whose ce_id is not UTF-8, naming the header, and keeps consuming', async () => {
    const pipeline = await startPipeline(insertEffect);
    const value = Buffer.from(JSON.stringify({ note: 'an id that is not text' }), 'utf8');
    await produce(pipeline.topic, {
      key: 'k',
      value,
      headers: {
        ce_specversion: '1.0',
        ce_id: Buffer.from([0x69, 0x64, 0xff, 0xfe]),
        ce_source: SOURCE,
        ce_type: NOTE_TYPE,
        'content-type': 'application/json',
      },
    });
    const next = noteEvent('after the bad id');
    await produce(pipeline.topic, structured(next, 'k'));

    await waitForEffect(next.id);
    const [deadLetter] = await pipeline.deadLetters.waitForCount(1, 'the bad id on the DLQ');
    expect(deadLetter.value?.equals(value)).toBe(true);
    expect(deadLetter.headers[DLQ_REASON_CODE_HEADER]).toBe('invalid-encoding');
    const reason = JSON.parse(deadLetter.headers[DLQ_REASON_HEADER]) as DeadLetterDetail;
    expect(reason.fieldErrors).toEqual([{ field: 'ce_id', reason: 'ce_id must be UTF-8 text' }]);
    expect(await inboxRows(pipeline.consumerName)).toEqual([
      { source: SOURCE, event_id: next.id, event_type: NOTE_TYPE },
    ]);
  });

  it('accepts a binary-mode CloudEvent and stores its Kazakh text byte for byte', async () => {
    const pipeline = await startPipeline(insertEffect);
    const id = randomUUID();
    await produce(pipeline.topic, {
      key: id,
      value: Buffer.from(JSON.stringify({ note: KAZAKH_NOTE }), 'utf8'),
      headers: {
        ce_specversion: '1.0',
        ce_id: id,
        ce_source: SOURCE,
        ce_type: NOTE_TYPE,
        ce_time: new Date().toISOString(),
        'content-type': 'application/json',
      },
    });

    await waitForEffect(id);
    const [stored] = await dataSource.query<Array<{ note: string; bytes: Buffer }>>(
      `SELECT note, convert_to(note, 'UTF8') AS bytes FROM ${SCHEMA}.effect WHERE event_id = $1`,
      [id],
    );
    expect(stored.note).toBe(KAZAKH_NOTE);
    expect(stored.bytes.equals(Buffer.from(KAZAKH_NOTE, 'utf8'))).toBe(true);
    expect(await inboxRows(pipeline.consumerName)).toEqual([
      { source: SOURCE, event_id: id, event_type: NOTE_TYPE },
    ]);
    await waitForGroupAtEnd(pipeline);
    expect(await recordCount(pipeline.deadLetterTopic)).toBe(0);
  });

  it('dead-letters a message whose handler keeps failing after maxAttempts and applies the next one on the partition', async () => {
    const pipeline = await startPipeline(async (event, context, attempt) => {
      if (event.data.note === 'poison') throw new Error(`handler exploded on attempt ${attempt}`);
      await insertEffect(event, context, attempt);
    });
    const poison = noteEvent('poison');
    const next = noteEvent('next on the partition');
    const poisonAt = await produce(pipeline.topic, structured(poison, 'same-key'));
    const nextAt = await produce(pipeline.topic, structured(next, 'same-key'));
    expect(nextAt.partition).toBe(poisonAt.partition);

    await waitForEffect(next.id);
    const [deadLetter] = await pipeline.deadLetters.waitForCount(1, 'the poison message on the DLQ');
    expect(pipeline.router.callsFor(poison.id)).toBe(RETRY.maxAttempts);
    expect(deadLetter.value?.toString('utf8')).toBe(JSON.stringify(poison));
    expect(deadLetter.headers[DLQ_REASON_CODE_HEADER]).toBe('processing-failed');
    const detail = JSON.parse(deadLetter.headers[DLQ_REASON_HEADER]) as DeadLetterDetail;
    expect(detail).toMatchObject({
      code: 'processing-failed',
      fieldErrors: [],
      topic: pipeline.topic,
      partition: poisonAt.partition,
      offset: poisonAt.offset,
      consumer: pipeline.consumerName,
    });
    expect(detail.message).toContain('handler exploded');
    expect(await effectRows([poison.id])).toEqual([]);
    expect((await inboxRows(pipeline.consumerName)).map((row) => row.event_id)).toEqual([next.id]);
    await waitForGroupAtEnd(pipeline);
    expect(await recordCount(pipeline.deadLetterTopic)).toBe(1);
  });

  it('retries transient failures beyond maxAttempts without dead-lettering and applies the event once', async () => {
    const transientFailures: Error[] = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      new QueryFailedError(
        'UPDATE appeal SET status = $1',
        [],
        Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' }),
      ),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    ];
    // Each failed attempt has already written its effect: only a rollback lets the next attempt insert again.
    const pipeline = await startPipeline(async (event, context, attempt) => {
      await insertEffect(event, context, attempt);
      const failure = transientFailures[attempt - 1];
      if (failure) throw failure;
    });
    const event = noteEvent('арыз');
    await produce(pipeline.topic, structured(event));

    await waitForEffect(event.id);
    await waitForGroupAtEnd(pipeline);
    expect(pipeline.router.callsFor(event.id)).toBe(transientFailures.length + 1);
    expect(await effectRows([event.id])).toEqual([{ event_id: event.id, note: 'арыз' }]);
    expect(await inboxRows(pipeline.consumerName)).toHaveLength(1);
    expect(await recordCount(pipeline.deadLetterTopic)).toBe(0);
  });

  it('dead-letters a message whose "transient" failure never clears after maxTransientAttempts, so the partition moves on', async () => {
    const pipeline = await startPipeline(async (event, context, attempt) => {
      if (event.data.note === 'always times out') {
        throw Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
      }
      await insertEffect(event, context, attempt);
    });
    const stuck = noteEvent('always times out');
    const next = noteEvent('behind it');
    const stuckAt = await produce(pipeline.topic, structured(stuck, 'same-key'));
    const nextAt = await produce(pipeline.topic, structured(next, 'same-key'));
    expect(nextAt.partition).toBe(stuckAt.partition);

    await waitForEffect(next.id);
    const [deadLetter] = await pipeline.deadLetters.waitForCount(1, 'the stuck message on the DLQ');
    expect(deadLetter.headers[DLQ_REASON_CODE_HEADER]).toBe('retries-exhausted');
    // A failed first try inside a chunk applied at once counts as one of the attempts.
    expect(pipeline.router.callsFor(stuck.id)).toBe(RETRY.maxTransientAttempts);
    expect(await effectRows([stuck.id])).toEqual([]);
  });

  it.each(BOTH_PATHS)(
    'rolls back the effect together with the inbox row when the handler fails after writing (%s), trying it exactly maxAttempts times',
    async (_path, inOneChunk) => {
      const halfDone = noteEvent('half-done');
      const next = noteEvent('complete');
      const pipeline = await startPipeline(
        async (event, context, attempt) => {
          await insertEffect(event, context, attempt);
          if (event.data.note === 'half-done') throw new Error('failed after the insert');
        },
        { before: inOneChunk ? [structured(halfDone, 'k'), structured(next, 'k')] : undefined },
      );
      if (!inOneChunk) await produce(pipeline.topic, structured(halfDone, 'k'));

      await pipeline.deadLetters.waitForCount(1, 'the failing message on the DLQ');
      if (!inOneChunk) await produce(pipeline.topic, structured(next, 'k'));
      await waitForEffect(next.id);
      expect(pipeline.router.callsFor(halfDone.id)).toBe(RETRY.maxAttempts);
      expect(pipeline.deadLetters.records[0].headers[DLQ_REASON_CODE_HEADER]).toBe('processing-failed');
      expect(await effectRows([halfDone.id])).toEqual([]);
      expect((await inboxRows(pipeline.consumerName)).map((row) => row.event_id)).toEqual([next.id]);
    },
  );

  it("commits the handler's outbox rows with its effect, carrying the incoming trace, before calling afterCommit", async () => {
    const writer = new OutboxWriter(SCHEMA);
    const outboxVisibleAtAfterCommit: Array<Promise<number>> = [];
    const pipeline = await startPipeline(
      async (event, context, attempt) => {
        await insertEffect(event, context, attempt);
        const caused = newCloudEvent({
          type: 'it.messaging.caused.v1',
          source: SOURCE,
          data: { cause: event.id },
        });
        await writer.add(context.manager, [{ topic: 'it.messaging.caused', key: event.id, event: caused }]);
      },
      {
        afterCommit: () =>
          outboxVisibleAtAfterCommit.push(
            dataSource
              .query<Array<{ count: string }>>(`SELECT count(*) AS count FROM ${SCHEMA}.outbox_message`)
              .then(([{ count }]) => Number(count)),
          ),
      },
    );
    const traceId = randomBytes(16).toString('hex');
    const event = noteEvent('causes another event');
    await produce(pipeline.topic, {
      ...structured(event),
      headers: {
        'content-type': STRUCTURED_CONTENT_TYPE,
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
    });

    await waitForEffect(event.id);
    const rows = await dataSource.query<
      Array<{ message_key: string; payload: string; headers: Record<string, string> }>
    >(`SELECT message_key, payload, headers FROM ${SCHEMA}.outbox_message WHERE message_key = $1`, [
      event.id,
    ]);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].payload)).toMatchObject({
      type: 'it.messaging.caused.v1',
      data: { cause: event.id },
    });
    expect(rows[0].headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    await waitUntil('afterCommit to be called', async () => outboxVisibleAtAfterCommit.length === 1);
    expect(await outboxVisibleAtAfterCommit[0]).toBeGreaterThanOrEqual(1);
  });

  it('replaces a consumer that kafkajs stopped after a crash, reporting it to liveness meanwhile, and applies what follows', async () => {
    // What a dead letter the broker refused once did: an error out of the batch that kafkajs neither
    // retries nor restarts from. Two records before the start share a chunk, whose commit calls afterCommit.
    const unrecoverable = Object.assign(new Error('a failure kafkajs does not restart from'), {
      retriable: false,
    });
    const beforeCrash = [noteEvent('applied, then the consumer crashed'), noteEvent('in the same chunk')];
    let afterCommits = 0;
    let reportedDown = false;
    const livenessNames = (): string[] => Object.keys(liveness.problems());
    const watch = setInterval(() => {
      reportedDown ||= livenessNames().some((name) => name.startsWith('consumer it-group-'));
    }, 5);
    try {
      const pipeline = await startPipeline(insertEffect, {
        before: beforeCrash.map((event) => structured(event, 'same-partition')),
        afterCommit: () => {
          afterCommits += 1;
          if (afterCommits === 1) throw unrecoverable;
        },
      });
      await waitUntil('the consumer to be restarted', async () => (await restarts(pipeline.groupId)) === 1);
      const afterCrash = noteEvent('published after the crash');
      await produce(pipeline.topic, structured(afterCrash));
      await waitForEffect(afterCrash.id);
      await waitForGroupAtEnd(pipeline);

      expect(reportedDown).toBe(true);
      expect(livenessNames()).not.toContain(`consumer ${pipeline.groupId}`);
      const ids = [...beforeCrash, afterCrash].map((event) => event.id);
      expect((await effectRows(ids)).map((row) => row.event_id)).toEqual(ids);
      expect(await recordCount(pipeline.deadLetterTopic)).toBe(0);
    } finally {
      clearInterval(watch);
    }
  });

  it('gives up a batch in backoff when a member joins, so the group rebalances without waiting for it, and dead-letters nothing', async () => {
    const backoffMs = 30_000;
    const retry = { maxAttempts: 100, initialDelayMs: backoffMs, maxDelayMs: backoffMs };
    const stuck = noteEvent('fails while its first owner holds it');
    let firstAttemptAt = 0;
    const pipeline = await startPipeline(
      async (event, context, attempt) => {
        if (event.id === stuck.id) {
          firstAttemptAt ||= Date.now();
          throw new Error('a failure of unknown cause, retried after a long backoff');
        }
        await insertEffect(event, context, attempt);
      },
      { partitions: 2, retry },
    );
    await produce(pipeline.topic, structured(stuck, 'stuck', 0));
    await waitUntil(
      'the first member to be in backoff',
      async () => pipeline.router.callsFor(stuck.id) === 1,
    );

    const joiner = new NoteRouter(insertEffect);
    await startConsumer(pipeline, joiner, undefined, undefined, retry);
    // The joiner is in the group once every member rejoined: the one in backoff did not sleep it out.
    expect(Date.now() - firstAttemptAt).toBeLessThan(backoffMs);
    const other = noteEvent('on the other partition');
    await produce(pipeline.topic, structured(other, 'other', 1));
    await waitForEffect(other.id);
    expect(await recordCount(pipeline.deadLetterTopic)).toBe(0);
  });

  it('leaves a message that is still being retried uncommitted on stop, so the next member of the group applies it', async () => {
    const databaseDown = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const pipeline = await startPipeline(async () => {
      throw databaseDown;
    });
    const event = noteEvent('survives a restart');
    const sentAt = await produce(pipeline.topic, structured(event));
    await waitUntil('a few transient retries', async () => pipeline.router.callsFor(event.id) >= 3, {
      intervalMs: 20,
    });

    const stopping = Date.now();
    await stopConsumer(pipeline.consumer);
    expect(Date.now() - stopping).toBeLessThan(10_000);
    const [committed] = await admin.fetchOffsets({ groupId: pipeline.groupId, topics: [pipeline.topic] });
    const committedOffset = committed?.partitions.find(
      (entry) => entry.partition === sentAt.partition,
    )?.offset;
    expect(Number(committedOffset ?? '-1')).toBeLessThanOrEqual(Number(sentAt.offset));
    expect(await effectRows([event.id])).toEqual([]);
    expect(await inboxRows(pipeline.consumerName)).toEqual([]);

    const successor = new NoteRouter(insertEffect);
    await startConsumer(pipeline, successor);
    await waitForEffect(event.id);
    await waitForGroupAtEnd(pipeline);
    expect(successor.callsFor(event.id)).toBe(1);
    expect(await recordCount(pipeline.deadLetterTopic)).toBe(0);
  });
});

/** Waits for every cleanup step even when one fails, then reports the first failure. */
async function settleAll(steps: Array<Promise<unknown> | undefined>): Promise<void> {
  const results = await Promise.allSettled(steps.map((step) => step ?? Promise.resolve()));
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
}
