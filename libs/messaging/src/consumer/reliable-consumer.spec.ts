import type { Kafka } from 'kafkajs';
import type { DataSource } from 'typeorm';
import type { EventProducer } from '../event-producer';
import { liveness } from '../health/liveness';
import type { Inbox } from '../inbox/inbox';
import { ReliableConsumer, type EventRouter } from './reliable-consumer';

type CrashListener = (event: { payload: { error: Error; restart: boolean } }) => void;

/**
 * kafkajs consumers as the crash paths see them: `run()` of the n-th one either joins, or crashes for good
 * while joining (kafkajs then emits CRASH and still resolves run()). `crashRunning` crashes a joined one.
 */
class FakeKafka {
  readonly consumers: Array<{ crash: CrashListener | undefined }> = [];
  /** While false, every connection is refused, as when the broker is down. */
  reachable = true;
  /** Consumers that joined their group. */
  joined = 0;

  constructor(private readonly joins: boolean[]) {}

  consumer(): unknown {
    const state: { crash: CrashListener | undefined } = { crash: undefined };
    const joins = this.joins[this.consumers.length] ?? true;
    this.consumers.push(state);
    return {
      events: { END_BATCH_PROCESS: 'end-batch', CRASH: 'crash' },
      on: (event: string, listener: CrashListener) => {
        if (event === 'crash') state.crash = listener;
      },
      connect: async () => this.connect(),
      subscribe: async () => undefined,
      disconnect: async () => undefined,
      run: async () => {
        if (joins) this.joined += 1;
        else state.crash?.({ payload: { error: nonRetriable(), restart: false } });
      },
    };
  }

  admin(): unknown {
    return {
      connect: async () => this.connect(),
      describeCluster: async () => ({ brokers: [{ nodeId: 1 }] }),
      describeConfigs: async () => ({ resources: [] }),
      disconnect: async () => undefined,
    };
  }

  private connect(): void {
    if (!this.reachable) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  }

  crashRunning(): void {
    this.consumers.at(-1)?.crash?.({ payload: { error: nonRetriable(), restart: false } });
  }
}

function nonRetriable(): Error {
  return Object.assign(new Error('not retriable'), { retriable: false });
}

function consumerOn(kafka: FakeKafka, groupId: string): ReliableConsumer {
  const producer = { connect: async () => undefined, disconnect: async () => undefined };
  const router: EventRouter = {
    handles: () => true,
    validate: (event) => event,
    handle: async () => undefined,
  };
  return new ReliableConsumer(
    kafka as unknown as Kafka,
    {} as DataSource,
    {} as Inbox,
    producer as unknown as EventProducer,
    router,
    {
      consumer: groupId,
      groupId,
      topics: [{ topic: 'in', deadLetterTopic: 'dlq' }],
      retry: { initialDelayMs: 1, maxDelayMs: 5 },
    },
  );
}

const problemOf = (groupId: string): string | undefined => liveness.problems()[`consumer ${groupId}`];

describe('ReliableConsumer after kafkajs gives up on a consumer', () => {
  it('fails to start, and reports itself not live, when the consumer crashes while joining', async () => {
    const consumer = consumerOn(new FakeKafka([false]), 'join-crash');
    await expect(consumer.start()).rejects.toThrow('crashed while joining');
    expect(problemOf('join-crash')).toMatch(/has not run since/);
    await consumer.stop();
  });

  it('replaces a crashed consumer, and keeps trying while the replacements crash while joining', async () => {
    const kafka = new FakeKafka([true, false, false, true]);
    const consumer = consumerOn(kafka, 'restart-crash');
    await consumer.start();
    expect(problemOf('restart-crash')).toBeUndefined();

    kafka.crashRunning();
    expect(problemOf('restart-crash')).toMatch(/has not run since/);
    await waitFor(() => kafka.consumers.length === 4 && problemOf('restart-crash') === undefined);
    await consumer.stop();
  });

  it('starts while Kafka is away, counting as waiting rather than dead, and joins once Kafka answers', async () => {
    const kafka = new FakeKafka([]);
    kafka.reachable = false;
    const consumer = consumerOn(kafka, 'kafka-away');
    await consumer.start();
    await waitFor(() => kafka.consumers.length >= 2); // tries to join that were refused
    expect(kafka.joined).toBe(0);
    expect(problemOf('kafka-away')).toBeUndefined();

    kafka.reachable = true;
    await waitFor(() => kafka.joined === 1);
    expect(problemOf('kafka-away')).toBeUndefined();
    await consumer.stop();
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !condition(); tries += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(condition()).toBe(true);
}
