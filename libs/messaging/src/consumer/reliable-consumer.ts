import { topicCarries, type CloudEvent, type TopicSubscription } from '@app/contracts';
import {
  ConfigResourceTypes,
  type Consumer,
  type EachBatchPayload,
  type Kafka,
  type KafkaMessage,
} from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import { ChunkGoesOneAtATime, type ChunkParticipants } from '../chunk/chunk-participants';
import {
  assertAttributeHeadersAreUtf8,
  checkCloudEvent,
  isBinaryMode,
  readCloudEvent,
} from '../cloudevent-codec';
import { classifyFailure, describeFailure, idempotencyConflict, InvalidMessageError } from '../errors';
import type { EventProducer } from '../event-producer';
import { liveness } from '../health/liveness';
import { probeKafka } from '../kafka-health';
import { normalizeHeaders, type RecordHeaders } from '../headers';
import type { Inbox } from '../inbox/inbox';
import type { OutboxWriter } from '../outbox/outbox-writer';
import { messagingMetrics } from '../metrics';
import { runInTrace, TRACEPARENT_HEADER } from '../trace-context';
import { DatabaseAvailability } from './database-availability';
import { KAFKA_DEFAULT_MAX_MESSAGE_BYTES, sendToDeadLetter, type DeadLetterReason } from './dead-letter';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';

export interface ConsumedRecord {
  topic: string;
  partition: number;
  offset: string;
  headers: RecordHeaders;
  /** The record's Kafka timestamp: when it was produced (or appended, on a topic set to LogAppendTime). */
  timestamp: Date;
}

export interface EventHandlingContext {
  /** The transaction in which the effect, its outbox rows and the inbox record commit together. */
  manager: EntityManager;
  record: ConsumedRecord;
}

export interface EventRouter {
  /** Whether this service cares about the type; other types on a shared topic are skipped. */
  handles(type: string): boolean;
  /** Checks `data` against the contract; throws InvalidMessageError naming each bad field. */
  validate(event: CloudEvent): CloudEvent;
  handle(event: CloudEvent, context: EventHandlingContext): Promise<void>;
}

export interface ReliableConsumerOptions {
  consumer: string;
  groupId: string;
  topics: TopicSubscription[];
  retry?: Partial<RetryPolicy>;
  partitionsConsumedConcurrently?: number;
  /** How many messages of a partition share one transaction on the fast path (1 turns it off). */
  chunkSize?: number;
  /** Lets a chunk's handlers write their outbox rows in one statement. */
  outbox?: OutboxWriter;
  /** Lets a chunk's handlers read ahead and write behind in bulk (after them, the outbox rows are written). */
  participants?: ChunkParticipants;
  /** Called after a transaction that may have written outbox rows has committed. */
  afterCommit?: () => void;
  log?: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

type Outcome = 'handled' | 'duplicate' | 'ignored' | 'dead-lettered';

type PreparedMessage = { event: CloudEvent; record: ConsumedRecord } | { ignoredType: string };

/** A handler's failure inside a chunk: it counts as that message's first attempt. */
interface ChunkFailure {
  offset: string;
  error: unknown;
}

/** Carries a handler's error out of the chunk's transaction together with the message that raised it. */
class ChunkHandlerError extends Error implements ChunkFailure {
  constructor(
    readonly offset: string,
    readonly error: unknown,
  ) {
    super('a handler failed inside a chunk');
  }
}

type Attempt = { outcome: Outcome } | { error: unknown };

/** How long start() asks Kafka whether it answers before it joins in the background instead. */
const KAFKA_PROBE_MS = 3_000;

/** How often a batch at work asks kafkajs to heartbeat (kafkajs sends one per heartbeatInterval at most). */
const HEARTBEAT_TICK_MS = 1_000;

/**
 * Consumes CloudEvents and applies each one exactly once in effect:
 * the effect and the inbox record commit in one PostgreSQL transaction, and the offset is
 * resolved only after that commit (or after the message is safely in the dead-letter topic).
 */
export class ReliableConsumer {
  private consumer?: Consumer;
  private readonly retry: RetryPolicy;
  private readonly chunkSize: number;
  private readonly subscriptions: ReadonlyMap<string, TopicSubscription>;
  private readonly database: DatabaseAvailability;
  /** `max.message.bytes` of each dead-letter topic, as the broker reported it at start. */
  private readonly deadLetterLimits = new Map<string, number>();
  private readonly stopped = new AbortController();
  /** kafkajs consumers that crashed for good; one that did so while joining makes runConsumer fail. */
  private readonly crashed = new WeakSet<Consumer>();
  private running = false;
  /** The last try to join failed because Kafka did not answer: an outage to wait out, not a dead consumer. */
  private waitingForKafka = false;
  private notRunningSince = Date.now();
  private restarting?: Promise<void>;

  constructor(
    private readonly kafka: Kafka,
    private readonly dataSource: DataSource,
    private readonly inbox: Inbox,
    private readonly deadLetterProducer: EventProducer,
    private readonly router: EventRouter,
    private readonly options: ReliableConsumerOptions,
  ) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
    this.subscriptions = new Map(options.topics.map((subscription) => [subscription.topic, subscription]));
    this.chunkSize = options.chunkSize ?? 100;
    this.database = new DatabaseAvailability(dataSource);
  }

  /**
   * Joins the group. A service started while Kafka is away still starts (intake's HTTP entrance above all,
   * whose appeals wait in the outbox): its consumer keeps trying in the background and joins when Kafka
   * answers, and meanwhile counts as waiting, not as dead.
   */
  async start(): Promise<void> {
    liveness.register(this.livenessName(), () => this.livenessProblem());
    if (!(await probeKafka(this.kafka, KAFKA_PROBE_MS)).up) {
      this.waitingForKafka = true;
      this.options.log?.('warn', 'Kafka does not answer: the consumer joins its group when it does', {
        consumer: this.options.consumer,
      });
      this.restarting ??= this.rejoinWithBackoff().finally(() => (this.restarting = undefined));
      return;
    }
    await this.join();
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    liveness.unregister(this.livenessName());
    await this.restarting;
    this.setRunning(false);
    await this.consumer?.disconnect();
    await this.deadLetterProducer.disconnect();
  }

  private get stopping(): boolean {
    return this.stopped.signal.aborted;
  }

  private livenessName(): string {
    return `consumer ${this.options.groupId}`;
  }

  /** Not running is a problem a restart of the process may fix, unless it only waits for Kafka to answer. */
  private livenessProblem(): string | undefined {
    if (this.running || this.waitingForKafka) return undefined;
    return `consumer group ${this.options.groupId} has not run since ${new Date(this.notRunningSince).toISOString()}`;
  }

  private async join(): Promise<void> {
    await this.deadLetterProducer.connect();
    await this.readDeadLetterLimits();
    await this.runConsumer();
  }

  /** A kafkajs consumer joined to the group and running; a new one after each crash kafkajs gives up on. */
  private async runConsumer(): Promise<void> {
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      // A crashed member's partitions move to the others after this long.
      sessionTimeout: 10_000,
      heartbeatInterval: 3_000,
      // An idle fetch returns within a second, so a stop (which waits for it) is quick.
      maxWaitTimeInMs: 1_000,
    });
    this.consumer = consumer;
    consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => {
      messagingMetrics.consumerLag.set(
        { group: this.options.groupId, topic: payload.topic, partition: String(payload.partition) },
        Number(payload.offsetLag),
      );
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => this.onCrash(consumer, payload));
    await consumer.connect();
    await consumer.subscribe({
      topics: this.options.topics.map(({ topic }) => topic),
      fromBeginning: true,
    });
    await consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.processBatch(payload),
    });
    // kafkajs reports a crash while joining the group as an event, and run() still resolves.
    if (this.crashed.has(consumer)) throw new Error('the consumer crashed while joining its group');
    this.setRunning(true);
  }

  /**
   * kafkajs restarts a consumer by itself after a retriable failure; after any other it stops for good
   * (a dead letter the broker refused once did that). Such a stop is never left silent: the consumer is
   * replaced with backoff, and liveness reports it down until the new one runs.
   */
  private onCrash(consumer: Consumer, crash: { error: Error; restart: boolean }): void {
    if (consumer !== this.consumer || this.stopping) return;
    this.options.log?.('error', 'consumer crashed', {
      consumer: this.options.consumer,
      error: describeFailure(crash.error),
      restartedByKafkajs: crash.restart,
    });
    if (crash.restart) return;
    this.crashed.add(consumer);
    // While run() is still joining, runConsumer fails and its caller (start, or the restart loop) decides.
    if (!this.running) return;
    this.setRunning(false);
    this.waitingForKafka = false;
    this.restarting ??= this.rejoinWithBackoff().finally(() => (this.restarting = undefined));
  }

  private async rejoinWithBackoff(): Promise<void> {
    for (let attempt = 1; !this.stopping; attempt += 1) {
      const aborted = await sleep(backoffDelay(this.retry, attempt), false, {
        signal: this.stopped.signal,
      }).catch(() => true);
      if (aborted || this.stopping) return;
      try {
        await this.consumer?.disconnect().catch(() => undefined);
        await this.join();
        this.waitingForKafka = false;
        messagingMetrics.consumerRestarts.inc({ group: this.options.groupId });
        this.options.log?.('info', 'consumer joined its group again', { consumer: this.options.consumer });
        return;
      } catch (error) {
        this.waitingForKafka = classifyFailure(error) === 'transient';
        this.options.log?.('error', 'consumer could not join its group, trying again', {
          consumer: this.options.consumer,
          attempt,
          error: describeFailure(error),
        });
      }
    }
  }

  private setRunning(running: boolean): void {
    if (running === this.running) return;
    this.running = running;
    if (!running) this.notRunningSince = Date.now();
    messagingMetrics.consumerRunning.set({ group: this.options.groupId }, running ? 1 : 0);
  }

  /** A dead letter must fit its topic: the broker's limit for it is read once, with Kafka's default as fallback. */
  private async readDeadLetterLimits(): Promise<void> {
    const topics = [...new Set(this.options.topics.map((subscription) => subscription.deadLetterTopic))];
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: topics.map((name) => ({
          type: ConfigResourceTypes.TOPIC,
          name,
          configNames: ['max.message.bytes'],
        })),
      });
      for (const resource of resources) {
        const limit = Number(
          resource.configEntries.find((entry) => entry.configName === 'max.message.bytes')?.configValue,
        );
        if (Number.isInteger(limit) && limit > 0) this.deadLetterLimits.set(resource.resourceName, limit);
      }
    } catch (error) {
      this.options.log?.(
        'warn',
        "could not read the dead-letter topics' size limit; assuming Kafka's default",
        {
          consumer: this.options.consumer,
          error: describeFailure(error),
        },
      );
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /**
   * kafkajs heartbeats only when asked to: a slow statement, a connection that takes its timeout to fail or a
   * dead-letter send would otherwise let the session lapse and cost a rebalance. A timer keeps asking while
   * the batch is worked on; what it hears (a rebalance above all) is thrown at the batch's next heartbeat.
   */
  private async processBatch(payload: EachBatchPayload): Promise<void> {
    let heard: { error: unknown } | undefined;
    const heartbeat = async (): Promise<void> => {
      if (heard) throw heard.error;
      await payload.heartbeat();
    };
    const keepAlive = setInterval(() => {
      payload.heartbeat().catch((error: unknown) => (heard ??= { error }));
    }, HEARTBEAT_TICK_MS);
    try {
      await this.processBatchChunks({ ...payload, heartbeat });
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async processBatchChunks(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    for (let start = 0; start < batch.messages.length; start += this.chunkSize) {
      if (!this.alive(payload)) return;
      const chunk = batch.messages.slice(start, start + this.chunkSize);
      const chunkResult = await this.applyChunkAtOnce(batch.topic, batch.partition, chunk);
      if (chunkResult === 'applied') {
        payload.resolveOffset(chunk[chunk.length - 1].offset);
        await payload.heartbeat();
        continue;
      }
      for (const message of chunk) {
        if (!this.alive(payload)) return;
        const firstFailure = chunkResult?.offset === message.offset ? chunkResult : undefined;
        const outcome = await this.processMessage(
          batch.topic,
          batch.partition,
          message,
          payload,
          firstFailure,
        );
        if (outcome === undefined) return; // gave up for now: the message is fetched again
        payload.resolveOffset(message.offset);
        await payload.heartbeat();
      }
    }
    await payload.commitOffsetsIfNecessary();
  }

  /**
   * The fast path: every message of the chunk applied in one transaction, with one commit for all.
   * Anything else changes nothing, and the chunk then goes one message at a time, where each failure is
   * classified, retried or dead-lettered alone: undefined when a message is bad or the transaction failed
   * around the handlers, and the failing message with its error when a handler threw.
   */
  private async applyChunkAtOnce(
    topic: string,
    partition: number,
    chunk: KafkaMessage[],
  ): Promise<'applied' | ChunkFailure | undefined> {
    if (chunk.length < 2) return undefined;
    let prepared: PreparedMessage[];
    try {
      prepared = chunk.map((message) => this.prepare(topic, partition, message));
    } catch {
      this.fallBack('invalid-message');
      return undefined;
    }
    let outcomes: Outcome[];
    try {
      // A chunk of other services' events needs no transaction at all.
      outcomes = prepared.some((item) => 'event' in item)
        ? await this.dataSource.transaction((manager) => this.applyChunkIn(manager, prepared))
        : prepared.map(() => 'ignored');
    } catch (error) {
      if (error instanceof ChunkHandlerError) {
        this.fallBack('handler-failed');
        return error;
      }
      if (error instanceof ChunkGoesOneAtATime) {
        this.fallBack('one-at-a-time');
        return undefined;
      }
      // Not a message's fault that shows here (a bulk write, the commit): each message then says for itself.
      this.fallBack('transaction-failed', error);
      return undefined;
    }
    if (outcomes.includes('handled')) this.options.afterCommit?.();
    prepared.forEach((item, index) =>
      this.count(outcomes[index], 'ignoredType' in item ? item.ignoredType : item.event.type),
    );
    return 'applied';
  }

  /** Counted and, when no message is to blame, logged: a bulk path that keeps failing costs throughput silently. */
  private fallBack(
    reason: 'invalid-message' | 'handler-failed' | 'one-at-a-time' | 'transaction-failed',
    error?: unknown,
  ): void {
    messagingMetrics.chunkFallbacks.inc({ consumer: this.options.consumer, reason });
    if (error !== undefined)
      this.options.log?.('warn', 'chunk failed as a whole, applying its messages one at a time', {
        consumer: this.options.consumer,
        error: describeFailure(error),
      });
  }

  /** One inbox statement and one outbox statement for the whole chunk, the handlers in between. */
  private async applyChunkIn(manager: EntityManager, prepared: PreparedMessage[]): Promise<Outcome[]> {
    const events = prepared.flatMap((item) => ('event' in item ? [item.event] : []));
    const deliveries = await this.inbox.recordDeliveries(manager, this.options.consumer, events);
    // Rejecting it is a matter for the one-at-a-time path, where only the message at fault is dead-lettered.
    if (deliveries.includes('conflict'))
      throw new Error('an event in the chunk reuses a key with other content');
    const run = async (): Promise<Outcome[]> => {
      const outcomes: Outcome[] = [];
      let eventIndex = 0;
      for (const item of prepared) {
        if ('ignoredType' in item) {
          outcomes.push('ignored');
          continue;
        }
        if (deliveries[eventIndex++] === 'replay') {
          outcomes.push('duplicate');
          continue;
        }
        try {
          await this.handleInTrace(manager, item.event, item.record);
        } catch (error) {
          throw new ChunkHandlerError(item.record.offset, error);
        }
        outcomes.push('handled');
      }
      return outcomes;
    };
    const fresh = events.filter((_, index) => deliveries[index] === 'first');
    const { participants, outbox } = this.options;
    const inChunk = (): Promise<Outcome[]> =>
      participants ? participants.around(manager, fresh, run) : run();
    return outbox ? outbox.collect(manager, inChunk) : inChunk();
  }

  /** Decodes and validates one message; throws InvalidMessageError for bad input. */
  private prepare(topic: string, partition: number, message: KafkaMessage): PreparedMessage {
    const headers = normalizeHeaders(message.headers);
    if (isBinaryMode(headers)) assertAttributeHeadersAreUtf8(message.headers);
    const candidate = readCloudEvent(headers, message.value);
    // Most events on a shared topic are someone else's: skip them before the costlier checks.
    if (typeof candidate.type === 'string' && !this.takes(topic, candidate.type)) {
      if (!this.subscriptionOf(topic).entrance) return { ignoredType: candidate.type };
      throw new InvalidMessageError('unsupported-type', `${topic} does not take events of this type`, [
        { field: 'type', reason: `type must be one of: ${this.typesTakenFrom(topic).join(', ')}` },
      ]);
    }
    const event = checkCloudEvent(candidate);
    return {
      event: this.router.validate(event),
      record: {
        topic,
        partition,
        offset: message.offset,
        headers,
        timestamp: new Date(Number(message.timestamp)),
      },
    };
  }

  /**
   * Returns undefined when processing stopped (shutdown or rebalance) before the message was settled.
   * `firstFailure` is the message's failed first attempt inside a chunk, counted like any other.
   */
  private async processMessage(
    topic: string,
    partition: number,
    message: KafkaMessage,
    payload: EachBatchPayload,
    firstFailure?: ChunkFailure,
  ): Promise<Outcome | undefined> {
    let prepared: PreparedMessage;
    try {
      prepared = this.prepare(topic, partition, message);
    } catch (error) {
      return this.deadLetter(topic, partition, message, reasonFor(error), 'unknown', payload);
    }
    if ('ignoredType' in prepared) return this.count('ignored', prepared.ignoredType);
    const { event, record } = prepared;

    const failures = { transient: 0, unknown: 0 };
    let result: Attempt = firstFailure ? { error: firstFailure.error } : await this.attempt(event, record);
    for (let attempt = 1; 'error' in result; attempt += 1) {
      const { error } = result;
      const kind = classifyFailure(error);
      if (kind === 'invalid')
        return this.deadLetter(topic, partition, message, reasonFor(error), event.type, payload);
      messagingMetrics.retries.inc({ consumer: this.options.consumer, kind });
      // An outage is waited out, however long it lasts: only failures while the database answers count.
      if (kind === 'transient' && !(await this.database.answers())) {
        if (!(await this.waitForDatabase(topic, partition, payload))) return undefined;
        result = await this.attempt(event, record);
        continue;
      }
      failures[kind] += 1;
      const exhausted =
        kind === 'unknown'
          ? failures.unknown >= this.retry.maxAttempts
          : failures.transient >= this.retry.maxTransientAttempts;
      if (exhausted) {
        const code = kind === 'unknown' ? 'processing-failed' : 'retries-exhausted';
        const reason = { code, message: describeFailure(error), fieldErrors: [] };
        return this.deadLetter(topic, partition, message, reason, event.type, payload);
      }
      const delay = backoffDelay(this.retry, failures[kind]);
      this.options.log?.('warn', `handling failed, retrying in ${delay} ms`, {
        consumer: this.options.consumer,
        eventId: event.id,
        type: event.type,
        attempt,
        kind,
        error: describeFailure(error),
      });
      if (!(await this.waitWhileAlive(delay, payload))) return undefined;
      result = await this.attempt(event, record);
    }
    return result.outcome;
  }

  /** One transaction for one message: its inbox record and its effect, or the error that rolled it back. */
  private async attempt(event: CloudEvent, record: ConsumedRecord): Promise<Attempt> {
    try {
      const applied = await this.dataSource.transaction((manager) => this.applyIn(manager, event, record));
      if (applied) this.options.afterCommit?.();
      return { outcome: this.count(applied ? 'handled' : 'duplicate', event.type) };
    } catch (error) {
      return { error };
    }
  }

  /**
   * The inbox record and the effect, in the caller's transaction; false for a replayed event. An event
   * that reuses the (source, id) of an applied one with other content is refused: the publisher's error.
   */
  private async applyIn(manager: EntityManager, event: CloudEvent, record: ConsumedRecord): Promise<boolean> {
    const delivery = await this.inbox.recordDelivery(manager, this.options.consumer, event);
    if (delivery === 'conflict') throw idempotencyConflict();
    if (delivery === 'replay') return false;
    await this.handleInTrace(manager, event, record);
    return true;
  }

  private handleInTrace(manager: EntityManager, event: CloudEvent, record: ConsumedRecord): Promise<void> {
    return runInTrace(record.headers[TRACEPARENT_HEADER], () =>
      this.router.handle(event, { manager, record }),
    );
  }

  /**
   * Writes the message to its dead-letter topic; undefined when processing stopped before that succeeded.
   * A failed send is retried with backoff for as long as the consumer owns the partition: it never ends
   * the consumer, and the message stays uncommitted until its dead letter is durable.
   */
  private async deadLetter(
    topic: string,
    partition: number,
    message: KafkaMessage,
    reason: DeadLetterReason,
    type: string,
    payload: EachBatchPayload,
  ): Promise<Outcome | undefined> {
    this.options.log?.('warn', 'message dead-lettered', {
      consumer: this.options.consumer,
      topic,
      partition,
      offset: message.offset,
      code: reason.code,
    });
    const deadLetterTopic = this.deadLetterTopicFor(topic);
    const source = { consumer: this.options.consumer, topic, partition, message };
    const limit = this.deadLetterLimits.get(deadLetterTopic) ?? KAFKA_DEFAULT_MAX_MESSAGE_BYTES;
    for (let failures = 1; ; failures += 1) {
      try {
        await sendToDeadLetter(this.deadLetterProducer, deadLetterTopic, source, reason, limit);
        return this.count('dead-lettered', type);
      } catch (error) {
        messagingMetrics.deadLetterSendFailures.inc({ consumer: this.options.consumer });
        const delay = backoffDelay(this.retry, failures);
        this.options.log?.('warn', `dead-letter send failed, retrying in ${delay} ms`, {
          consumer: this.options.consumer,
          topic,
          partition,
          offset: message.offset,
          error: describeFailure(error),
        });
        if (!(await this.waitWhileAlive(delay, payload))) return undefined;
      }
    }
  }

  /**
   * Pauses the partition while PostgreSQL does not answer and waits, heartbeating, until it does; false
   * when processing stopped meanwhile (shutdown or rebalance).
   */
  private async waitForDatabase(
    topic: string,
    partition: number,
    payload: EachBatchPayload,
  ): Promise<boolean> {
    const resume = payload.pause();
    const started = Date.now();
    const labels = { consumer: this.options.consumer };
    messagingMetrics.databaseOutage.inc(labels);
    this.options.log?.('warn', 'PostgreSQL does not answer: partition paused until it does', {
      ...labels,
      topic,
      partition,
    });
    try {
      for (let round = 1; ; round += 1) {
        if (!(await this.waitWhileAlive(backoffDelay(this.retry, round), payload))) return false;
        if (await this.database.answers()) {
          this.options.log?.('info', 'PostgreSQL answers again: partition resumed', {
            ...labels,
            topic,
            partition,
            waitedMs: Date.now() - started,
          });
          return true;
        }
      }
    } finally {
      resume();
      messagingMetrics.databaseOutage.dec(labels);
    }
  }

  /** Whether an event of this type is handled when it arrives on this topic. */
  private takes(topic: string, type: string): boolean {
    return topicCarries(this.subscriptionOf(topic), type) && this.router.handles(type);
  }

  private typesTakenFrom(topic: string): string[] {
    return (this.subscriptionOf(topic).carries ?? []).filter((type) => this.router.handles(type));
  }

  private deadLetterTopicFor(topic: string): string {
    return this.subscriptionOf(topic).deadLetterTopic;
  }

  private subscriptionOf(topic: string): TopicSubscription {
    const subscription = this.subscriptions.get(topic);
    if (!subscription) throw new Error(`${topic} is not a subscribed topic`);
    return subscription;
  }

  private count(outcome: Outcome, type: string): Outcome {
    messagingMetrics.consumed.inc({ consumer: this.options.consumer, type, outcome });
    return outcome;
  }

  private alive(payload: EachBatchPayload): boolean {
    return payload.isRunning() && !payload.isStale() && !this.stopping;
  }

  /**
   * Sleeps in small steps with heartbeats, so a long backoff neither loses the group membership nor delays
   * shutdown. A heartbeat is where a rebalance shows first: its error is thrown on, so kafkajs rejoins at
   * once and the message in hand stays uncommitted for whoever owns the partition next.
   */
  private async waitWhileAlive(ms: number, payload: EachBatchPayload): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (!this.alive(payload)) return false;
      await sleep(Math.min(HEARTBEAT_TICK_MS, until - Date.now()));
      await payload.heartbeat();
    }
    return this.alive(payload);
  }
}

function reasonFor(error: unknown): DeadLetterReason {
  if (error instanceof InvalidMessageError) {
    return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
  }
  return { code: 'processing-failed', message: describeFailure(error), fieldErrors: [] };
}
