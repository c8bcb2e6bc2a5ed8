import { EventTypes, Topics } from '@app/contracts';
import { AppealRoutingSystem, findRepoRoot, SERVICE_NAMES, waitUntil } from '@app/local-infra';
import {
  createSystem,
  EventTap,
  loginStaff,
  OwnTestDatabase,
  publishAppeal,
  staffWithToken,
  startGroupAtEnd,
  testBrokers,
  testKafka,
} from '@app/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { listenToLive, type LiveEvent } from '../support/live-events';

/**
 * Casework over the whole system as processes (the build in dist/): an external system publishes two appeals to
 * Kafka; the akimat's operator logs in, finds them in the queue, takes one into work and answers it; escalation
 * never fires for the answered one, while the one left alone escalates at its deadline and shows up, live and on
 * the board, at the central reception. The citizen then rejects the answer through the portal, and that case
 * goes up too.
 */
jest.setTimeout(240_000);

const repoRoot = findRepoRoot(__dirname);
const database = new OwnTestDatabase('casework_e2e');
const kafka = testKafka('casework-e2e');
const tap = new EventTap(kafka, [Topics.events]);
const PORTAL = `urn:portal:casework-${randomUUID().slice(0, 8)}`;
const ADMIN = { username: 'e2e.admin', password: 'e2e-admin-password-long' };
let system: AppealRoutingSystem;
let producer: Producer;
let db: Client;

const consoleUrl = (pathname: string): string => `${system.url('console')}${pathname}`;

async function get(pathname: string, token: string): Promise<Response> {
  return fetch(consoleUrl(pathname), { headers: { authorization: `Bearer ${token}` } });
}

async function getJson<T>(pathname: string, token: string): Promise<T> {
  const response = await get(pathname, token);
  if (!response.ok) throw new Error(`GET ${pathname} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function act(
  appealId: string,
  action: string,
  token: string,
  etag: string,
  body: object = {},
): Promise<{ status: number; etag: string | null; body: Record<string, unknown> }> {
  const response = await fetch(consoleUrl(`/api/v1/cases/${appealId}/actions/${action}`), {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      'if-match': etag,
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

interface QueueItem {
  appealId: string;
  trackingNumber: string;
  status: string;
  level: string | null;
}

/** Publishes an appeal to the intake topic as the portal, and answers its id once intake registered it. */
async function publishCaseworkAppeal(subject: string): Promise<string> {
  return (await publishAppeal(producer, tap, PORTAL, { kind: 'proposal', regionKato: '751110000', subject }))
    .appealId;
}

function eventsOf(appealId: string, type: string): Array<{ data: Record<string, unknown> }> {
  return tap
    .events<{ appealId: string }>(
      Topics.events,
      (event) => event.type === type && event.data.appealId === appealId,
    )
    .map((tapped) => tapped.event as unknown as { data: Record<string, unknown> });
}

/** Reads server-sent events from the console's live stream into `received` until aborted. */
function listen(token: string, received: LiveEvent[]): AbortController {
  return listenToLive(consoleUrl('/api/v1/live'), token, received).abort;
}

beforeAll(async () => {
  await database.create();
  // Every service's group starts at the end of the shared topics: what other files left there is not this test's.
  for (const name of SERVICE_NAMES) await startGroupAtEnd(kafka, name, Topics.events);
  await startGroupAtEnd(kafka, 'intake', Topics.intake);
  await tap.start();
  producer = kafka.producer();
  await producer.connect();
  system = new AppealRoutingSystem({
    repoRoot,
    brokers: testBrokers(),
    databaseUrl: database.url,
    ports: { intake: 3121, routing: 3122, escalation: 3123, notification: 3124, console: 3125 },
    extraEnv: {
      ESCALATION_TICK_MS: '200',
      ESCALATION_POLICY_CACHE_MS: '0',
      LOG_LEVEL: 'warn',
      CONSOLE_ADMIN_USERNAME: ADMIN.username,
      CONSOLE_ADMIN_PASSWORD: ADMIN.password,
    },
    logDir: path.join(repoRoot, '.local', 'e2e-logs', 'casework'),
  });
  await system.start();
  db = new Client({ connectionString: database.url });
  await db.connect();
  // A drill policy: a proposal at the akimat falls due 25 seconds after receipt.
  await db.query(
    `INSERT INTO escalation.deadline_policy (level, kind, due, warn_before)
     VALUES ('regional-akimat', 'proposal', 'PT25S', '{PT10S}')
     ON CONFLICT (level, kind) DO UPDATE SET due = excluded.due, warn_before = excluded.warn_before`,
  );
});

afterAll(async () => {
  await system?.stop();
  await producer?.disconnect();
  await tap.stop();
  await db?.end();
  for (const name of SERVICE_NAMES) await startGroupAtEnd(kafka, name, Topics.events);
  await database.drop();
});

describe('casework over the whole system (five processes, real Kafka and PostgreSQL)', () => {
  it('an answered appeal never escalates; an unanswered one escalates to the central board; a rejected answer escalates', async () => {
    const admin = await loginStaff(system.url('console'), ADMIN.username, ADMIN.password);
    const portal = await createSystem(system.url('console'), admin.accessToken, {
      name: 'Casework portal',
      source: PORTAL,
    });
    const operator = await staffWithToken(system.url('console'), admin.accessToken, {
      username: 'operator.almaty.e2e',
      password: 'operator-password-long',
      role: 'operator',
      organizationId: 'akimat-almaty',
    });
    const stranger = await staffWithToken(system.url('console'), admin.accessToken, {
      username: 'operator.astana.e2e',
      password: 'operator-password-long',
      role: 'operator',
      organizationId: 'akimat-astana',
    });
    const central = await staffWithToken(system.url('console'), admin.accessToken, {
      username: 'central.e2e',
      password: 'central-password-long',
      role: 'central-reception',
    });
    const live: LiveEvent[] = [];
    const stream = listen(central.tokens.accessToken, live);

    const answered = await publishCaseworkAppeal('Аулаға жарық орнату');
    const ignored = await publishCaseworkAppeal('Установить скамейки во дворе');

    // The operator finds both in the akimat's queue, soonest deadline first; another akimat sees neither.
    const queue = await waitUntil(
      'both appeals in the operator queue with their deadline',
      async () => {
        const page = await getJson<{ items: Array<QueueItem & { dueAt: string | null }> }>(
          '/api/v1/cases?limit=100',
          operator.tokens.accessToken,
        );
        const mine = page.items.filter((item) => [answered, ignored].includes(item.appealId));
        return mine.length === 2 && mine.every((item) => item.dueAt !== null) && mine;
      },
      { timeoutMs: 60_000 },
    );
    expect(queue.map((item) => item.status)).toEqual(['new', 'new']);
    expect((await get(`/api/v1/cases/${answered}`, stranger.tokens.accessToken)).status).toBe(404);

    // The case page: the citizen, the text, an ETag to act on.
    const page = await get(`/api/v1/cases/${answered}`, operator.tokens.accessToken);
    expect(page.status).toBe(200);
    const caseFile = (await page.json()) as { citizen: { fullName: string }; case: { text: string } };
    expect(caseFile.citizen.fullName).toBe('Әсел Нұрланқызы');
    expect(caseFile.case.text).toContain('жолды жөндеу');

    const accepted = await act(
      answered,
      'accept',
      operator.tokens.accessToken,
      page.headers.get('etag') ?? '',
    );
    expect(accepted).toMatchObject({ status: 202, body: { status: 'in-work' } });
    const stale = await act(
      answered,
      'respond',
      operator.tokens.accessToken,
      page.headers.get('etag') ?? '',
      {
        text: 'Жарық келесі аптада орнатылады.',
      },
    );
    expect(stale.status).toBe(409);
    const responded = await act(answered, 'respond', operator.tokens.accessToken, accepted.etag ?? '', {
      text: 'Жарық келесі аптада орнатылады.',
      attachments: [],
    });
    expect(responded).toMatchObject({ status: 202, body: { status: 'answered' } });

    // An admin finds who saw the case: the operator's queue that listed it, and the case page it read.
    const audit = await getJson<{ items: Array<{ actorId: string; action: string; fields: string[] }> }>(
      `/api/v1/admin/audit?appeal=${answered}`,
      admin.accessToken,
    );
    const operatorEntries = audit.items.filter((entry) => entry.actorId === operator.userId);
    expect(operatorEntries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['case.list', 'case.read', 'case.accept', 'case.respond']),
    );
    expect(JSON.stringify(audit)).not.toContain('Әсел');

    // The other one is left alone: at its deadline it goes up to the central reception.
    const escalated = await tap.waitFor<{ appealId: string; toLevel: string; reason: string }>(
      Topics.events,
      'the unanswered appeal escalated',
      (event) => event.type === EventTypes.escalated && event.data.appealId === ignored,
      90_000,
    );
    expect(escalated.event.data).toMatchObject({ toLevel: 'central-reception', reason: 'overdue' });

    // The answered one fell due at the same time or earlier (published first): escalation stopped its clock.
    const clock = await db.query<{ state: string }>(
      'SELECT state FROM escalation.appeal_clock WHERE appeal_id = $1',
      [answered],
    );
    expect(clock.rows[0].state).toBe('answered');
    expect(eventsOf(answered, EventTypes.escalated)).toHaveLength(0);
    expect(eventsOf(answered, EventTypes.responded)).toHaveLength(1);

    // The central reception sees the escalated case on its board, and heard of it live.
    const board = await waitUntil(
      'the escalated case on the central board',
      async () => {
        const shown = await getJson<{ cases: { items: QueueItem[] } }>(
          '/api/v1/board',
          central.tokens.accessToken,
        );
        return shown.cases.items.find((item) => item.appealId === ignored);
      },
      { timeoutMs: 30_000 },
    );
    expect(board).toMatchObject({ level: 'central-reception', status: 'new' });
    expect(
      (
        await getJson<{ cases: { items: QueueItem[] } }>('/api/v1/board', central.tokens.accessToken)
      ).cases.items.map((item) => item.appealId),
    ).not.toContain(answered);
    await waitUntil(
      'the live stream to tell the central reception of the escalation',
      async () =>
        live.some(
          (message) =>
            message.event === 'case-changed' &&
            message.data.appealId === ignored &&
            message.data.eventType === EventTypes.escalated,
        ),
      { timeoutMs: 15_000 },
    );
    expect(JSON.stringify(live)).not.toContain('Әсел');

    // The citizen rejects the answer through the portal that submitted it: the case goes up too.
    const portalToken = await (
      await fetch(consoleUrl('/api/v1/auth/token'), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: portal.clientId,
          client_secret: portal.clientSecret,
        }),
      })
    ).json();
    const rejection = await fetch(consoleUrl(`/api/v1/cases/${answered}/citizen-decision`), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${(portalToken as { access_token: string }).access_token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ decision: 'reject', reason: 'Жарық әлі жоқ.' }),
    });
    expect(rejection.status).toBe(202);
    const rejected = await tap.waitFor<{ appealId: string; reason: string }>(
      Topics.events,
      'the rejected answer escalated',
      (event) => event.type === EventTypes.escalated && event.data.appealId === answered,
      30_000,
    );
    expect(rejected.event.data.reason).toBe('answer-rejected');
    stream.abort();
  });
});
