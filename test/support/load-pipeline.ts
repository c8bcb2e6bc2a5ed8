import { newCloudEvent, type CloudEvent } from '@app/contracts';
import {
  EventProducer,
  Inbox,
  messagingMigrations,
  OutboxRelay,
  OutboxWriter,
  ReliableConsumer,
  type EventRouter,
  type RetryPolicy,
} from '@app/messaging';
import {
  createServiceDataSource,
  migrateServiceSchema,
  type ServiceDataSourceOptions,
} from '@app/persistence';
import { waitUntil } from '@app/local-infra';
import { EventTap, testDatabaseUrl } from '@app/testing';
import type { Kafka } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource, MigrationInterface, QueryRunner } from 'typeorm';

const TYPE = 'it.load.note.v1';

/** Where a pipeline ends up; after a run that lost and doubled nothing, every count is the number published. */
export interface SettledState {
  effectRows: number;
  distinctEffects: number;
  inboxRows: number;
  outboxRows: number;
  deadLettered: number;
  /** Published events whose outcome never appeared on the output topic. */
  unpublished: string[];
}

export interface LoadPipelineOptions {
  kafka: Kafka;
  /** Names the schema, topics, consumer group and PostgreSQL application of this pipeline. */
  name: string;
  /** How long each handler holds its transaction open: long enough that a disruption lands mid-load. */
  handlerDelayMs: number;
  retry?: Partial<RetryPolicy>;
  /** Where the consumer and the relay reach PostgreSQL (a proxy a test can cut); the test database by default. */
  databaseUrl?: string;
}

/**
 * What the chaos tests disrupt: a consumer that applies each event (an effect row in its transaction) and
 * writes an outcome to its outbox, and the relay that publishes the outcomes. The effect table has no key,
 * so an event applied twice shows as a second row instead of being hidden by a constraint.
 */
export class LoadPipeline {
  /** The failures the consumer retried, in order, with their kind (transient or unknown). */
  readonly retries: Array<{ kind: string; error: unknown }> = [];
  private readonly outcomes: EventTap;
  private readonly deadLetters: EventTap;
  private relay?: OutboxRelay;
  private relayProducer?: EventProducer;
  private consumer?: ReliableConsumer;
  private dataSource?: DataSource;
  private observer?: Client;

  private constructor(
    private readonly options: LoadPipelineOptions,
    readonly schema: string,
    readonly applicationName: string,
    private readonly topics: { input: string; output: string; deadLetters: string },
  ) {
    this.outcomes = new EventTap(options.kafka, [topics.output]);
    this.deadLetters = new EventTap(options.kafka, [topics.deadLetters]);
  }

  static async start(options: LoadPipelineOptions): Promise<LoadPipeline> {
    const run = `${options.name}_${randomBytes(4).toString('hex')}`;
    const topics = { input: `it.${run}.in`, output: `it.${run}.out`, deadLetters: `it.${run}.dlq` };
    const pipeline = new LoadPipeline(options, run.replace(/-/g, '_'), run, topics);
    await pipeline.open();
    return pipeline;
  }

  /** Publishes `count` new events at once and returns them. */
  async publish(count: number): Promise<CloudEvent[]> {
    const events = Array.from({ length: count }, (_, index) =>
      newCloudEvent({ type: TYPE, source: 'it', data: { index } }),
    );
    const producer = this.options.kafka.producer();
    await producer.connect();
    await producer.send({
      topic: this.topics.input,
      acks: -1,
      messages: events.map((event) => ({ key: event.id, value: JSON.stringify(event) })),
    });
    await producer.disconnect();
    return events;
  }

  effectRows(): Promise<number> {
    return this.count(`SELECT count(*)::int AS n FROM ${this.schema}.effect`);
  }

  /**
   * Waits until every event of `events` has an effect and a published outcome and the outbox is empty
   * (or the time runs out), then reads the state the run ended in.
   */
  async settle(events: CloudEvent[], timeoutMs = 120_000): Promise<SettledState> {
    const unpublished = (): string[] => {
      const published = this.publishedOutcomes();
      return events.map((event) => event.id).filter((id) => !published.has(id));
    };
    await waitUntil(
      'every event applied and its outcome published',
      async () =>
        (await this.effectRows()) >= events.length &&
        unpublished().length === 0 &&
        (await this.count(`SELECT count(*)::int AS n FROM ${this.schema}.outbox_message`)) === 0,
      { timeoutMs },
    );
    return {
      effectRows: await this.effectRows(),
      distinctEffects: await this.count(
        `SELECT count(DISTINCT event_id)::int AS n FROM ${this.schema}.effect`,
      ),
      inboxRows: await this.count(`SELECT count(*)::int AS n FROM ${this.schema}.inbox_message`),
      outboxRows: await this.count(`SELECT count(*)::int AS n FROM ${this.schema}.outbox_message`),
      deadLettered: this.deadLetters.records.length,
      unpublished: unpublished(),
    };
  }

  /** The state a run that lost and doubled nothing ends in, for `events`. */
  static settledWithoutLossOrDoubles(events: CloudEvent[]): SettledState {
    const count = events.length;
    return {
      effectRows: count,
      distinctEffects: count,
      inboxRows: count,
      outboxRows: 0,
      deadLettered: 0,
      unpublished: [],
    };
  }

  private publishedOutcomes(): Set<string> {
    return new Set(
      this.outcomes.events<{ of: string }>(this.topics.output, () => true).map(({ event }) => event.data.of),
    );
  }

  /** Ends every connection the consumer and the relay hold; returns how many there were. */
  async dropDatabaseConnections(): Promise<number> {
    const { rows } = await this.observer!.query<{ dropped: number }>(
      `SELECT count(*)::int AS dropped FROM (
         SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = $1) AS terminated`,
      [this.applicationName],
    );
    return rows[0].dropped;
  }

  async stop(): Promise<void> {
    await Promise.allSettled([this.outcomes.stop(), this.deadLetters.stop(), this.consumer?.stop()]);
    await this.relay?.stop();
    await this.relayProducer?.disconnect().catch(() => undefined);
    await this.observer?.query(`DROP SCHEMA IF EXISTS ${this.schema} CASCADE`).catch(() => undefined);
    await Promise.allSettled([this.observer?.end(), this.dataSource?.destroy(), this.deleteTopics()]);
  }

  private async deleteTopics(): Promise<void> {
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      await admin.deleteTopics({ topics: Object.values(this.topics) });
    } finally {
      await admin.disconnect();
    }
  }

  private async open(): Promise<void> {
    const { kafka } = this.options;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic: this.topics.input, numPartitions: 3 },
        { topic: this.topics.output, numPartitions: 3 },
        { topic: this.topics.deadLetters, numPartitions: 1 },
      ],
    });
    await admin.disconnect();
    const dataSourceOptions: ServiceDataSourceOptions = {
      url: testDatabaseUrl(),
      schema: this.schema,
      entities: [],
      migrations: [...messagingMigrations(this.schema), effectTable(this.schema)],
      applicationName: this.applicationName,
    };
    await migrateServiceSchema(dataSourceOptions);
    this.dataSource = await createServiceDataSource({
      ...dataSourceOptions,
      url: this.options.databaseUrl ?? testDatabaseUrl(),
    }).initialize();
    this.observer = new Client({
      connectionString: testDatabaseUrl(),
      application_name: `${this.applicationName}-observer`,
    });
    await this.observer.connect();

    const outbox = new OutboxWriter(this.schema);
    this.relayProducer = new EventProducer(kafka);
    this.relay = new OutboxRelay(this.dataSource, this.relayProducer, {
      schema: this.schema,
      idlePollMs: 200,
    });
    const relay = this.relay;
    outbox.onCommitted(() => relay.wake());
    relay.start();
    this.consumer = new ReliableConsumer(
      kafka,
      this.dataSource,
      new Inbox(this.schema),
      new EventProducer(kafka),
      this.router(outbox),
      {
        consumer: this.applicationName,
        groupId: this.applicationName,
        topics: [{ topic: this.topics.input, deadLetterTopic: this.topics.deadLetters }],
        retry: this.options.retry,
        outbox,
        afterCommit: () => outbox.notifyCommitted(),
        log: (_level, _message, fields) => {
          if (typeof fields?.kind === 'string') this.retries.push({ kind: fields.kind, error: fields.error });
        },
      },
    );
    await this.consumer.start();
    await Promise.all([this.outcomes.start(), this.deadLetters.start()]);
  }

  private router(outbox: OutboxWriter): EventRouter {
    const { schema, topics } = this;
    const { handlerDelayMs } = this.options;
    return {
      handles: (type) => type === TYPE,
      validate: (event) => event,
      handle: async (event, { manager }) => {
        await manager.query(`INSERT INTO ${schema}.effect (event_id) VALUES ($1)`, [event.id]);
        await new Promise((resolve) => setTimeout(resolve, handlerDelayMs));
        await outbox.add(manager, [
          {
            topic: topics.output,
            key: event.id,
            event: newCloudEvent({ type: `${TYPE}.done`, source: 'it', data: { of: event.id } }),
          },
        ]);
      },
    };
  }

  private async count(sql: string): Promise<number> {
    const { rows } = await this.observer!.query<{ n: number }>(sql);
    return rows[0].n;
  }
}

function effectTable(schema: string): new () => MigrationInterface {
  return class EffectTable1764000000100 implements MigrationInterface {
    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`CREATE TABLE ${schema}.effect (event_id text NOT NULL)`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE ${schema}.effect`);
    }
  };
}
