import { Topics } from '@app/contracts';
import { AppealRoutingSystem, type ServiceName } from '@app/local-infra';
import { createKafka } from '@app/messaging';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Measurement } from './raw-floor';
import { sampleSubmittedEvent } from './sample-appeal';

export interface SystemMeasurement extends Measurement {
  latencyMs: { p50: number; p95: number; max: number };
  rssMb: Record<ServiceName, number>;
}

const SEND_BATCH = 500;
const STALL_MS = 60_000;

function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Math.round(Number(match[1]) / 1024) : 0;
}

/**
 * Publishes N submitted appeals to appeals.intake.v1 and waits until notification has recorded the
 * `deadline-assigned` step of every one: intake → routing → escalation → notification, four processes.
 */
export async function measureSystem(
  system: AppealRoutingSystem,
  brokers: string[],
  databaseUrl: string,
  count: number,
  progress: (line: string) => void,
): Promise<SystemMeasurement> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const producer = createKafka({ brokers, clientId: 'bench-publisher' }).producer({ idempotent: true });
  await producer.connect();
  const messages = Array.from({ length: count }, (_, index) => ({
    key: String(index),
    value: sampleSubmittedEvent(index),
  }));
  const done = async (): Promise<number> => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification.notification WHERE event_type = 'kz.appeals.deadline-assigned.v1'`,
    );
    return rows[0].n;
  };
  const before = await done();
  const started = performance.now();
  for (let offset = 0; offset < count; offset += SEND_BATCH) {
    await producer.send({
      topic: Topics.intake,
      acks: -1,
      messages: messages.slice(offset, offset + SEND_BATCH),
    });
  }
  let finished = 0;
  let lastReport = 0;
  let lastProgress = { finished: 0, at: performance.now() };
  while (finished < count) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    finished = (await done()) - before;
    if (finished > lastProgress.finished) lastProgress = { finished, at: performance.now() };
    if (performance.now() - lastProgress.at > STALL_MS) {
      throw new Error(`no progress for ${STALL_MS / 1000} s at ${finished}/${count}: see .local/bench-logs/`);
    }
    if (performance.now() - lastReport > 2000) {
      lastReport = performance.now();
      progress(`  end-to-end: ${finished}/${count} appeals through all four services`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const rss = Object.fromEntries(
    [...system.services.entries()].map(([name, service]) => [name, rssMb(service.pid)]),
  ) as Record<ServiceName, number>;
  const { rows } = await db.query<{ p50: number; p95: number; max: number }>(
    `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50, percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
            max(ms) AS max
     FROM (SELECT extract(epoch FROM n.created_at - a.registered_at) * 1000 AS ms
           FROM notification.notification n JOIN intake.appeal a ON a.id = n.appeal_id
           WHERE n.event_type = 'kz.appeals.deadline-assigned.v1' AND a.source = 'urn:bench:portal') AS latencies`,
  );
  await producer.disconnect();
  await db.end();
  const round = (value: number): number => Math.round(Number(value));
  return {
    name: 'appeal-routing end to end (4 services)',
    count,
    seconds,
    latencyMs: { p50: round(rows[0].p50), p95: round(rows[0].p95), max: round(rows[0].max) },
    rssMb: rss,
  };
}
