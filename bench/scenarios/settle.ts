/**
 * Waits until the running system has nothing left in flight from an earlier scenario: every consumer group has
 * read its topics to the end, every outbox is empty, and no in-app message waits to be delivered. A fixed-rate
 * run started earlier would measure the earlier run's backlog, not its own appeals.
 */
import { Topics } from '@app/contracts';
import { SERVICE_NAMES } from '@app/local-infra';
import { createKafka } from '@app/messaging';
import type { Admin } from 'kafkajs';
import type { Client } from 'pg';

const POLL_MS = 1_000;
const REPORT_EVERY_MS = 5_000;
/** Beyond this the scenario starts anyway, and says so: a stuck service shows in the figures and its log. */
const SETTLE_LIMIT_MS = 10 * 60_000;
const CONSUMED_TOPICS: string[] = [Topics.intake, Topics.events, Topics.notifications];

/** Messages on the consumed topics that the services' groups have not committed yet. */
async function consumerLag(admin: Admin): Promise<number> {
  const ends = new Map(
    await Promise.all(
      CONSUMED_TOPICS.map(async (topic) => [topic, await admin.fetchTopicOffsets(topic)] as const),
    ),
  );
  let lag = 0;
  for (const groupId of SERVICE_NAMES) {
    for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: CONSUMED_TOPICS })) {
      for (const { partition, offset } of partitions) {
        // -1: the group does not read this topic (or this partition has never had a message for it).
        if (offset === '-1') continue;
        const end = ends.get(topic)?.find((candidate) => candidate.partition === partition)?.offset ?? offset;
        lag += Math.max(0, Number(end) - Number(offset));
      }
    }
  }
  return lag;
}

/** Outbox rows of every service and in-app messages waiting: what the services still have to do. */
async function pendingWork(db: Client): Promise<number> {
  const outboxes = SERVICE_NAMES.map((service) => `(SELECT count(*) FROM ${service}.outbox_message)`);
  const { rows } = await db.query<{ n: number }>(
    `SELECT (${outboxes.join(' + ')} + (SELECT count(*) FROM notification.notification
       WHERE status IN ('pending', 'sending') AND channel = 'in-app'))::int AS n`,
  );
  return rows[0].n;
}

export async function settleSystem(
  db: Client,
  brokers: string[],
  log: (line: string) => void,
  signal?: AbortSignal,
): Promise<void> {
  const admin = createKafka({ brokers, clientId: 'bench-settle' }).admin();
  await admin.connect();
  try {
    const started = performance.now();
    let reported = started;
    for (;;) {
      signal?.throwIfAborted();
      const [lag, pending] = await Promise.all([consumerLag(admin), pendingWork(db)]);
      if (lag === 0 && pending === 0) return;
      const now = performance.now();
      if (now - started > SETTLE_LIMIT_MS) {
        log(`  still ${lag} unread messages and ${pending} rows of work after 10 min: going on regardless`);
        return;
      }
      if (now - reported >= REPORT_EVERY_MS) {
        log(
          `  settling: ${lag} messages not yet consumed, ${pending} outbox rows and in-app messages pending`,
        );
        reported = now;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    await admin.disconnect();
  }
}
