import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { startLocalKafka, type LocalKafka } from '@app/local-infra';

// A non-default port so the test never collides with a developer's `npm run kafka` on 9092.
const PORT = 19192;
const TOPIC = 'local-kafka.persistence-check';

jest.setTimeout(180_000);

describe('startLocalKafka', () => {
  let dataDir: string;
  let running: LocalKafka | undefined;
  const lines: string[] = [];

  const start = async (): Promise<LocalKafka> => {
    running = await startLocalKafka({ port: PORT, dataDir, heapMb: 384, log: (line) => lines.push(line) });
    return running;
  };
  const stop = async (): Promise<void> => {
    await running?.stop();
    running = undefined;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'local-kafka-'));
  });

  afterAll(async () => {
    await stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves produce/consume and keeps messages across a stop and restart', async () => {
    const first = await start();
    expect(first.brokers).toEqual([`127.0.0.1:${PORT}`]);
    const value = `persisted-${Date.now()}`;
    await createTopic(first.brokers, TOPIC);
    await produce(first.brokers, TOPIC, value);
    expect(await consumeFirst(first.brokers, TOPIC, 'before-restart')).toBe(value);
    await stop();
    expect(existsSync(path.join(dataDir, 'broker.pid'))).toBe(false);

    const second = await start();
    expect(await consumeFirst(second.brokers, TOPIC, 'after-restart')).toBe(value);
    await stop();
    expect(lines.some((line) => line.includes('clean shutdown'))).toBe(true);
  });

  it('replaces a broker left running on the same data dir by an earlier (crashed) run', async () => {
    const orphan = await start();
    const orphanPid = Number(await readFile(path.join(dataDir, 'broker.pid'), 'utf8'));

    // Simulates a crashed test run: the old handle is never stopped, so the PID file still points at it.
    const replacement = await start();
    expect(isAlive(orphanPid)).toBe(false);
    expect(lines.some((line) => line.includes(`stale Kafka broker (pid ${orphanPid})`))).toBe(true);
    expect(await consumeFirst(replacement.brokers, TOPIC, 'after-takeover')).toMatch(/^persisted-/);
    await orphan.stop();
  });
});

function client(brokers: string[]): Kafka {
  return new Kafka({ clientId: 'local-kafka-spec', brokers, logLevel: logLevel.NOTHING });
}

async function createTopic(brokers: string[], topic: string): Promise<void> {
  const admin = client(brokers).admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}

async function produce(brokers: string[], topic: string, value: string): Promise<void> {
  const producer = client(brokers).producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: [{ key: 'k', value }] });
  } finally {
    await producer.disconnect();
  }
}

/** A fresh group reading from the beginning proves the message is on disk, not just in a committed offset. */
async function consumeFirst(brokers: string[], topic: string, groupId: string): Promise<string> {
  const consumer = client(brokers).consumer({ groupId: `${groupId}-${Date.now()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<string>((resolve, reject) => {
      consumer
        .run({ eachMessage: async ({ message }) => resolve(message.value?.toString() ?? '') })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
