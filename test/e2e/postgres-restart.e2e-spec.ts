import { EventTypes, Topics } from '@app/contracts';
import {
  AppealRoutingSystem,
  findRepoRoot,
  SERVICE_NAMES,
  waitUntil,
  type ServiceName,
} from '@app/local-infra';
import {
  appealWithDistinctivePersonalData,
  EventTap,
  LocalPostgresCluster,
  personalDataLeaks,
  PORTAL_SOURCE,
  submittedEvent,
  testBrokers,
  testKafka,
  TestTokenIssuer,
} from '@app/testing';
import type { Producer } from 'kafkajs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Pool } from 'pg';

// Above the waits below together: the whole file takes about a minute, up to two on a busy machine.
jest.setTimeout(200_000);

const TOTAL = 300;
const SCHEMAS = ['intake', 'routing', 'escalation', 'notification'];

const repoRoot = findRepoRoot(__dirname);
const cluster = new LocalPostgresCluster({
  port: Number(process.env.TEST_PG_CHAOS_PORT ?? 25432),
  portVariable: 'TEST_PG_CHAOS_PORT',
});
const output = new Map<ServiceName, string[]>(SERVICE_NAMES.map((name) => [name, []]));
let system: AppealRoutingSystem;
let tap: EventTap;
let producer: Producer;
let db: Pool;
/** Signs the system token intake takes for the HTTP submissions below. */
let issuer: TestTokenIssuer;

type Data = { appealId: string; sourceEventId?: string };

/** Appeal ids that intake gave to the submitted events `sourceIds`. */
function registeredAppealIds(sourceIds: Set<string>): string[] {
  const registered = tap.events<Data>(
    Topics.events,
    (event) => event.type === EventTypes.registered && sourceIds.has(event.data.sourceEventId!),
  );
  return [...new Set(registered.map(({ event }) => event.data.appealId))];
}

/**
 * How many appeals of `appealIds` have how many distinct `type` events, e.g. { 1: 300 }. A redelivered event
 * has the same id and counts once; a second effect would have a new id.
 */
function eventsPerAppeal(type: string, appealIds: string[]): Record<number, number> {
  const ids = new Map(appealIds.map((appealId) => [appealId, new Set<string>()]));
  for (const { event } of tap.events<Data>(Topics.events, (candidate) => candidate.type === type)) {
    ids.get(event.data.appealId)?.add(event.id);
  }
  const histogram: Record<number, number> = {};
  for (const eventIds of ids.values()) histogram[eventIds.size] = (histogram[eventIds.size] ?? 0) + 1;
  return histogram;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query<{ n: number }>(sql, params);
  return rows[0].n;
}

/** Appeals of `appealIds` whose deadline notification is recorded: the last step of the load. */
function notedToTheEnd(appealIds: string[]): Promise<number> {
  return count(
    `SELECT count(DISTINCT appeal_id)::int AS n FROM notification.notification
     WHERE event_type = $1 AND appeal_id = ANY($2::uuid[])`,
    [EventTypes.deadlineAssigned, appealIds],
  );
}

async function metricsStatuses(): Promise<Record<string, number | string>> {
  const statuses: Record<string, number | string> = {};
  for (const name of SERVICE_NAMES) {
    statuses[name] = await fetch(`${system.url(name)}/metrics`, { signal: AbortSignal.timeout(10_000) }).then(
      (response) => response.status,
      (error: Error) => error.message,
    );
  }
  return statuses;
}

beforeAll(async () => {
  await cluster.start();
  const databaseUrl = cluster.url('appeals');
  db = new Pool({ connectionString: databaseUrl, max: 2 });
  // The restart cuts the pool's idle connections; the pool opens new ones for the next query.
  db.on('error', () => undefined);
  const kafka = testKafka('postgres-restart-test');
  producer = kafka.producer();
  await producer.connect();
  tap = new EventTap(kafka, [Topics.events, Topics.intakeDeadLetter, Topics.eventsDeadLetter]);
  await tap.start();
  const logDir = path.join(repoRoot, '.local', 'e2e-logs', 'postgres-restart');
  await rm(logDir, { recursive: true, force: true }); // so that the files show this run alone
  issuer = await TestTokenIssuer.start();
  system = new AppealRoutingSystem({
    repoRoot,
    brokers: testBrokers(),
    databaseUrl,
    extraEnv: issuer.intakeEnv(),
    // Apart from appeal-journey's 3101–3104 and the bench's 3201–3204: runs side by side do not collide.
    ports: { intake: 3301, routing: 3302, escalation: 3303, notification: 3304, console: 3305 },
    onLine: (name, line) => output.get(name)!.push(line),
    logDir,
  });
  await system.start();
});

afterAll(async () => {
  await system?.stop();
  await tap?.stop();
  await producer?.disconnect();
  await db?.end();
  await cluster.dispose();
  await issuer?.stop();
});

describe('the five services when their PostgreSQL server crashes and restarts mid-load', () => {
  const appeals = Array.from({ length: TOTAL }, () =>
    appealWithDistinctivePersonalData({ kind: 'application' }),
  );
  const events = appeals.map((appeal) => submittedEvent(appeal));
  const sourceIds = new Set(events.map((event) => event.id));
  let appealIds: string[];
  let routedBeforeRestart: number | undefined;
  let notedBeforeRestart: number;
  let metricsWhileDown: Record<string, number | string> = {};
  /** The bad input of the issue, each carrying its own citizen: what it does must not reach a log either. */
  const badInput = Array.from({ length: 4 }, () => appealWithDistinctivePersonalData());
  const badInputAnswers: number[] = [];

  // One load and one crash for the three behaviours below: each is worth a report of its own.
  beforeAll(async () => {
    const [withNul, withLoneSurrogate, nestedDeep, oversized] = badInput;
    const deep = `${'['.repeat(10_000)}${JSON.stringify(nestedDeep.citizen.fullName)}${']'.repeat(10_000)}`;
    for (const body of [
      JSON.stringify({ ...withNul, text: `${withNul.text}\u0000` }),
      JSON.stringify({ ...withLoneSurrogate, text: `${withLoneSurrogate.text}\ud800` }),
      `${JSON.stringify(nestedDeep).slice(0, -1)},"attachments":${deep}}`,
    ]) {
      const response = await fetch(`${system.url('intake')}/api/v1/appeals`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await issuer.systemToken(PORTAL_SOURCE)}`,
        },
        body,
      });
      badInputAnswers.push(response.status);
    }
    // Just under the intake topic's limit: the original and its reason do not fit the dead-letter topic.
    const padded = submittedEvent({ ...oversized, subject: oversized.subject.padEnd(1_045_000, 'x') });
    await producer.send({
      topic: Topics.intake,
      messages: [{ key: padded.id, value: JSON.stringify(padded) }],
    });

    await producer.send({
      topic: Topics.intake,
      messages: events.map((event) => ({ key: event.id, value: JSON.stringify(event) })),
    });
    await waitUntil(
      'routing to have routed some of them',
      async () => eventsPerAppeal(EventTypes.routed, registeredAppealIds(sourceIds))[1] > 0,
      { timeoutMs: 60_000, intervalMs: 20 },
    );
    routedBeforeRestart = eventsPerAppeal(EventTypes.routed, registeredAppealIds(sourceIds))[1];
    notedBeforeRestart = await notedToTheEnd(registeredAppealIds(sourceIds));
    await cluster.restart({
      mode: 'immediate',
      whileDown: async () => {
        metricsWhileDown = await metricsStatuses();
      },
    });
    appealIds = await waitUntil(
      `all ${TOTAL} appeals noted down to their deadline, with every outbox empty`,
      async () => {
        const ids = registeredAppealIds(sourceIds);
        const done =
          ids.length === TOTAL &&
          eventsPerAppeal(EventTypes.deadlineAssigned, ids)[0] === undefined && // none still without one
          (await notedToTheEnd(ids)) === TOTAL &&
          (await count(
            `SELECT (${SCHEMAS.map((schema) => `(SELECT count(*) FROM ${schema}.outbox_message)`).join(' + ')})::int AS n`,
          )) === 0;
        return done && ids;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
  });

  it('registers, routes, deadlines and notes every appeal exactly once, and dead-letters none', async () => {
    // The crash came with work left at every step after intake: in the middle of the load.
    expect(routedBeforeRestart).toBeGreaterThan(0);
    expect(notedBeforeRestart).toBeLessThan(TOTAL);
    const { rows } = await db.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM intake.appeal WHERE source_event_id = ANY($1))::int AS registered,
              (SELECT count(*) FROM routing.assignment WHERE appeal_id = ANY($2::uuid[]))::int AS routed,
              (SELECT count(*) FROM escalation.appeal_clock WHERE appeal_id = ANY($2::uuid[]))::int AS deadlined`,
      [[...sourceIds], appealIds],
    );
    expect(rows[0]).toEqual({ registered: TOTAL, routed: TOTAL, deadlined: TOTAL });
    for (const type of [EventTypes.registered, EventTypes.routed, EventTypes.deadlineAssigned]) {
      expect({ type, appealsByEventCount: eventsPerAppeal(type, appealIds) }).toEqual({
        type,
        appealsByEventCount: { 1: TOTAL },
      });
    }
    const notifications = await db.query(
      `SELECT event_type, recipient_kind, count(*)::int AS rows, count(DISTINCT appeal_id)::int AS appeals
       FROM notification.notification WHERE appeal_id = ANY($1::uuid[])
       GROUP BY event_type, recipient_kind ORDER BY event_type, recipient_kind`,
      [appealIds],
    );
    const once = { rows: TOTAL, appeals: TOTAL };
    expect(notifications.rows).toEqual([
      { event_type: EventTypes.deadlineAssigned, recipient_kind: 'organization', ...once },
      { event_type: EventTypes.registered, recipient_kind: 'citizen', ...once },
      { event_type: EventTypes.routed, recipient_kind: 'citizen', ...once },
    ]);
    const ours = new Set([...sourceIds, ...appealIds]);
    const deadLetters = tap.records.filter(
      (record) =>
        (record.topic === Topics.intakeDeadLetter || record.topic === Topics.eventsDeadLetter) &&
        ours.has(record.key ?? ''),
    );
    expect(deadLetters.map((record) => `${record.topic}: ${record.headers['dlq-reason-code']}`)).toEqual([]);
  });

  it('answers GET /metrics on every service while the server is down', () => {
    expect(metricsWhileDown).toEqual({
      intake: 200,
      routing: 200,
      escalation: 200,
      notification: 200,
      console: 200,
    });
  });

  it("writes none of the citizens' names, IINs, e-mails, phones or texts to any service's output", () => {
    expect(badInputAnswers).toEqual([400, 400, 400]);
    expect(personalDataLeaks(output, [...appeals, ...badInput])).toEqual([]);
  });
});
