import { EventTypes, Topics } from '@app/contracts';
import { AppealRoutingSystem, findRepoRoot, waitUntil } from '@app/local-infra';
import {
  escalationStepsOf,
  EventTap,
  insertDueClocks,
  OwnTestDatabase,
  startGroupAtEnd,
  testBrokers,
  testKafka,
} from '@app/testing';
import path from 'node:path';
import { consoleDefinition } from '../../apps/console/src/console.definition';
import { escalationDefinition } from '../../apps/escalation/src/escalation.definition';
import { intakeDefinition } from '../../apps/intake/src/intake.definition';
import { notificationDefinition } from '../../apps/notification/src/notification.definition';
import { routingDefinition } from '../../apps/routing/src/routing.definition';
import { Client } from 'pg';

/**
 * Escalation's sweep as processes (the build in dist/) over a database of this file's own: two replicas
 * racing for the same due clocks, and one killed with SIGKILL in the middle of a long sweep and started again.
 * Whatever happens, each warning point fires once, each appeal climbs each level once, on the topic and in the
 * ledger, and a warning comes before its escalation.
 */
jest.setTimeout(180_000);

const repoRoot = findRepoRoot(__dirname);
const database = new OwnTestDatabase('escalation_sweepers');
const kafka = testKafka('escalation-sweepers-e2e');
const tap = new EventTap(kafka, [Topics.events]);
let db: Client;
const running: AppealRoutingSystem[] = [];

/** What the topic holds for one appeal, in partition order. */
interface Published {
  type: string;
  eventId: string;
  toLevel?: string;
  before?: string;
}

/** The events of these appeals on the topic; keys are filtered before parsing, the topic holds many others. */
function publishedFor(appealIds: Set<string>): Map<string, Published[]> {
  const byAppeal = new Map<string, Published[]>();
  for (const record of tap.records) {
    if (record.topic !== Topics.events || !record.key || !appealIds.has(record.key) || !record.value)
      continue;
    const event = JSON.parse(record.value.toString('utf8')) as {
      id: string;
      type: string;
      data: { toLevel?: string; before?: string };
    };
    const list = byAppeal.get(record.key) ?? [];
    list.push({
      type: event.type,
      eventId: event.id,
      toLevel: event.data.toLevel,
      before: event.data.before,
    });
    byAppeal.set(record.key, list);
  }
  return byAppeal;
}

function escalatedCount(published: Map<string, Published[]>): number {
  let count = 0;
  for (const events of published.values())
    if (events.some((e) => e.type === EventTypes.escalated)) count += 1;
  return count;
}

/** Rows in the ledger, all appeals together: cheap enough to poll every few milliseconds. */
async function ledgerSize(): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM escalation.escalation_step',
  );
  return rows[0].count;
}

/** Events written and not yet published by the relay. */
async function outboxBacklog(): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM escalation.outbox_message',
  );
  return rows[0].count;
}

/** One escalation process on `port`, ready; a process of its own per sweeper (the other services stay unstarted). */
async function startEscalation(port: number, env: NodeJS.ProcessEnv): Promise<AppealRoutingSystem> {
  const system = new AppealRoutingSystem({
    repoRoot,
    brokers: testBrokers(),
    databaseUrl: database.url,
    ports: { intake: 3509, routing: 3510, notification: 3508, console: 3511, escalation: port },
    extraEnv: { LOG_LEVEL: 'warn', ESCALATION_POLICY_CACHE_MS: '0', ...env },
    logDir: path.join(repoRoot, '.local', 'e2e-logs', `escalation-${port}`),
  });
  running.push(system);
  system.service('escalation').start();
  await system.waitReady('escalation');
  return system;
}

async function stopAll(): Promise<void> {
  await Promise.all(running.splice(0).map((system) => system.service('escalation').stop()));
}

/** How many overdue escalations a process counted, from its /metrics. */
async function escalationsBy(system: AppealRoutingSystem): Promise<number> {
  const metrics = await (await fetch(`${system.url('escalation')}/metrics`)).text();
  return Number(/appeals_deadline_steps_total\{step="escalated-overdue"\} (\d+)/.exec(metrics)?.[1] ?? 0);
}

beforeAll(async () => {
  await database.create();
  await tap.start();
  // Escalation's own group: started at the end, the processes do not replay what other files left on the topic.
  await startGroupAtEnd(kafka, 'escalation', Topics.events);
  db = new Client({ connectionString: database.url });
  await db.connect();
});

afterAll(async () => {
  await stopAll();
  // The services of the files that run next would otherwise read these 24,000 events from the beginning of the
  // shared topic (each service's group starts there), minutes of work that tells them nothing.
  for (const definition of [
    intakeDefinition,
    routingDefinition,
    escalationDefinition,
    notificationDefinition,
    consoleDefinition,
  ]) {
    const groupId = definition.consumes?.groupId;
    if (groupId) await startGroupAtEnd(kafka, groupId, Topics.events);
  }
  await db?.end();
  await tap.stop();
  await database.drop();
});

describe('escalation sweeps as processes (real Kafka and PostgreSQL)', () => {
  it('two sweepers racing for the same 2,000 due clocks warn and escalate each appeal exactly once', async () => {
    const env = { ESCALATION_TICK_MS: '100', ESCALATION_BATCH: '100' };
    const first = await startEscalation(3501, env);
    const second = await startEscalation(3502, env);
    const before = await ledgerSize();
    const ids = await insertDueClocks(db, { count: 2_000, trackingPrefix: 'RACE', warningPassed: true });
    const idSet = new Set(ids);

    await waitUntil(
      '2,000 escalations in the ledger',
      async () => (await ledgerSize()) - before === ids.length,
      {
        timeoutMs: 90_000,
      },
    );
    const published = await waitUntil(
      'an escalation of every appeal on the topic',
      async () => {
        const seen = publishedFor(idSet);
        return escalatedCount(seen) === ids.length && seen;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    await waitUntil('an empty outbox', async () => (await outboxBacklog()) === 0);
    const settled = publishedFor(idSet);

    const wrong: string[] = [];
    for (const id of ids) {
      const events = settled.get(id) ?? [];
      const warnings = events.filter((e) => e.type === EventTypes.deadlineWarning);
      const escalations = events.filter((e) => e.type === EventTypes.escalated);
      const inOrder =
        events.findLastIndex((e) => e.type === EventTypes.deadlineWarning) <
        events.findIndex((e) => e.type === EventTypes.escalated);
      if (warnings.length !== 1 || escalations.length !== 1 || !inOrder)
        wrong.push(`${id}: ${events.map((e) => e.type).join(', ')}`);
    }
    expect(wrong).toEqual([]);
    expect(published.size).toBe(ids.length);
    const steps = await escalationStepsOf(db, ids);
    expect([...steps.values()].filter((levels) => levels.join() !== 'central-reception')).toEqual([]);
    expect(steps.size).toBe(ids.length);
    // Both replicas did part of the work: the race was real.
    const shares = [await escalationsBy(first), await escalationsBy(second)];
    expect(shares[0] + shares[1]).toBe(ids.length);
    expect(Math.min(...shares)).toBeGreaterThan(0);
    process.stdout.write(`escalations per sweeper: ${shares.join(' + ')}\n`);
    await stopAll();
  });

  it('a sweeper killed with SIGKILL mid-sweep and started again escalates each of 10,000 appeals once', async () => {
    const total = 10_000;
    const system = await startEscalation(3503, { ESCALATION_TICK_MS: '100', ESCALATION_BATCH: '50' });
    const escalation = system.service('escalation');
    const before = await ledgerSize();
    const ids = await insertDueClocks(db, { count: total, trackingPrefix: 'KILL' });

    await waitUntil(
      'a tenth of the escalations in the ledger',
      async () => (await ledgerSize()) - before >= total / 10,
      {
        timeoutMs: 60_000,
        intervalMs: 10,
      },
    );
    await escalation.kill();
    const atKill = (await ledgerSize()) - before;
    const backlog = await outboxBacklog();
    expect(atKill).toBeLessThanOrEqual(total * 0.9); // else the sweep was not cut in the middle

    escalation.start();
    await system.waitReady('escalation');
    await waitUntil('20,000 escalations in the ledger', async () => (await ledgerSize()) - before === total, {
      timeoutMs: 120_000,
    });
    await waitUntil('an empty outbox', async () => (await outboxBacklog()) === 0, { timeoutMs: 60_000 });
    const idSet = new Set(ids);
    const published = await waitUntil(
      'an escalation of every appeal on the topic',
      async () => {
        const seen = publishedFor(idSet);
        return escalatedCount(seen) === total && seen;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );

    // The relay may send a batch again after a crash between send and delete: the same event (same id), which
    // consumers drop by id. Two different escalations of one appeal to one level would be the bug.
    let republished = 0;
    const doubled: string[] = [];
    for (const [id, events] of published) {
      const escalations = events.filter((e) => e.type === EventTypes.escalated);
      const distinct = new Set(escalations.map((e) => `${e.toLevel}/${e.eventId}`));
      republished += escalations.length - distinct.size;
      const levels = [...distinct].map((key) => key.split('/')[0]);
      if (levels.length !== 1 || levels[0] !== 'central-reception')
        doubled.push(`${id}: ${[...distinct].join(', ')}`);
    }
    expect(doubled).toEqual([]);
    const steps = await escalationStepsOf(db, ids);
    expect(steps.size).toBe(total);
    expect([...steps.values()].filter((levels) => levels.join() !== 'central-reception')).toEqual([]);
    process.stdout.write(
      `killed at ${atKill}/${total} escalations with ${backlog} events unpublished; ` +
        `${republished} escalated records republished by the relay\n`,
    );
  });
});
