import { CENTRAL_RECEPTION_ID, citizenDecisionSecret, EventTypes, Topics } from '@app/contracts';
import { EventTap, PORTAL_SOURCE, testDatabaseUrl, testKafka } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../../apps/console/src/access/principal';
import { InProcessConsole } from '../support/console-in-process';
import {
  postToConsole,
  seedCaseFile,
  type ConsoleAnswer,
  type ConsoleCall,
  type SeededCase,
} from '../support/console-requests';

/**
 * Staff actions and the citizen's voice over HTTP, on the console as it runs (guard, pipes, outbox relay)
 * with a real Kafka and PostgreSQL; only the access tokens are the test's own.
 */
jest.setTimeout(120_000);

const LINK_KEY = 'test-citizen-link-key-0123456789abcdef';
const ALMATY_AKIMAT = 'akimat-almaty';
const ALMATY = '750000000';

const principals: Record<string, Principal> = {
  operator: { kind: 'staff', userId: 'op-almaty', role: 'operator', organizationId: ALMATY_AKIMAT },
  foreignOperator: { kind: 'staff', userId: 'op-astana', role: 'operator', organizationId: 'akimat-astana' },
  supervisor: { kind: 'staff', userId: 'sv-almaty', role: 'supervisor', regionKato: ALMATY },
  central: { kind: 'staff', userId: 'cr-1', role: 'central-reception' },
  portal: { kind: 'system', clientId: 'egov-portal', source: PORTAL_SOURCE },
  otherPortal: { kind: 'system', clientId: 'call-centre', source: 'urn:kz:call-centre' },
};

let consoleApp: InProcessConsole;
let tap: EventTap;
let db: DataSource;

beforeAll(async () => {
  consoleApp = new InProcessConsole({
    databaseUrl: testDatabaseUrl(),
    groupId: 'console-actions-test',
    port: 3800,
    principals,
    env: { CONSOLE_CITIZEN_LINK_KEY: LINK_KEY, CONSOLE_RATE_LIMIT_CITIZEN_DECISION: '12/60' },
  });
  await consoleApp.start();
  db = await new DataSource({ type: 'postgres', url: testDatabaseUrl() }).initialize();
  tap = new EventTap(testKafka('console-actions-test'), [Topics.events]);
  await tap.start();
});

afterAll(async () => {
  await tap?.stop();
  await db?.destroy();
  await consoleApp?.stop();
});

function post(path: string, call: ConsoleCall): Promise<ConsoleAnswer> {
  return postToConsole(consoleApp.url, path, call);
}

function act(appealId: string, action: string, call: ConsoleCall): Promise<ConsoleAnswer> {
  return postToConsole(consoleApp.url, `/api/v1/cases/${appealId}/actions/${action}`, call);
}

/** A case as the read model holds it after routing to the Almaty akimat (and whatever the test changes). */
function seedCase(overrides: Record<string, unknown> = {}): Promise<SeededCase> {
  return seedCaseFile(db, {
    source: PORTAL_SOURCE,
    responsible_organization_id: ALMATY_AKIMAT,
    organization_id: ALMATY_AKIMAT,
    scope_region_kato: ALMATY,
    ...overrides,
  });
}

function eventsOf(type: string, appealId: string) {
  return tap.events<{ appealId: string }>(
    Topics.events,
    (event) => event.type === type && event.data.appealId === appealId,
  );
}

async function auditEntries(
  appealId: string,
): Promise<Array<{ action: string; outcome: string; actor_kind: string }>> {
  return db.query(
    `SELECT action, outcome, actor_kind FROM console.audit_entry WHERE appeal_id = $1 ORDER BY id`,
    [appealId],
  );
}

describe('staff actions', () => {
  it('publish their event exactly once, however often a request is retried with its Idempotency-Key', async () => {
    const { appealId } = await seedCase();
    const key = randomUUID();
    const first = await act(appealId, 'accept', { token: 'operator', key, ifMatch: '"3"' });
    expect(first).toMatchObject({ status: 202, etag: '"4"', replayed: false });
    expect(first.body).toEqual({ eventId: expect.any(String), etag: '"4"', status: 'in-work' });

    const retries = await Promise.all(
      [1, 2, 3].map(() => act(appealId, 'accept', { token: 'operator', key, ifMatch: '"3"' })),
    );
    for (const retry of retries)
      expect(retry).toMatchObject({ status: 202, replayed: true, body: first.body });

    // The next event of the same appeal follows on the same partition: once it is there, a second
    // `accepted` would be too.
    const answered = await act(appealId, 'respond', {
      token: 'operator',
      ifMatch: '"4"',
      body: { text: 'Жол маусымда жөнделеді.' },
    });
    expect(answered.body).toMatchObject({ status: 'answered', etag: '"5"' });
    await tap.waitFor(
      Topics.events,
      'responded',
      (event) =>
        event.type === EventTypes.responded && (event.data as { appealId: string }).appealId === appealId,
    );
    const accepted = eventsOf(EventTypes.accepted, appealId);
    expect(accepted).toHaveLength(1);
    expect(accepted[0].key).toBe(appealId);
    expect(accepted[0].event).toMatchObject({
      id: first.body.eventId,
      source: 'urn:appeal-routing:console',
      data: { appealId, organizationId: ALMATY_AKIMAT, acceptedBy: { kind: 'staff', id: 'op-almaty' } },
    });
    expect((await auditEntries(appealId)).map((entry) => entry.action)).toEqual([
      'case.accept',
      'case.respond',
    ]);
  });

  it('keeps the answer in the console and publishes it with its id, for notification to send the citizen', async () => {
    const { appealId } = await seedCase({ status: 'in-work' });
    const attachment = {
      name: 'жауап.pdf',
      mediaType: 'application/pdf',
      sizeBytes: 1024,
      url: 'https://files.example.kz/answers/1',
      sha256: 'a'.repeat(64),
    };
    const answer = await act(appealId, 'respond', {
      token: 'operator',
      ifMatch: '"3"',
      body: { text: 'Жауап мәтіні', attachments: [attachment] },
    });
    expect(answer.status).toBe(202);
    const [stored] = await db.query(
      `SELECT id, text, attachments FROM console.case_response WHERE appeal_id = $1`,
      [appealId],
    );
    expect(stored).toMatchObject({ text: 'Жауап мәтіні', attachments: [attachment] });
    const published = await tap.waitFor<{ appealId: string; responseId: string; text: string }>(
      Topics.events,
      'responded',
      (event) => event.type === EventTypes.responded && event.data.appealId === appealId,
    );
    expect(published.event.data.responseId).toBe(stored.id);
    expect(published.event.data.text).toBe('Жауап мәтіні');
  });

  it('refuse a reused Idempotency-Key with another body', async () => {
    const { appealId } = await seedCase();
    const key = randomUUID();
    const first = await act(appealId, 'respond', {
      token: 'operator',
      key,
      ifMatch: '"3"',
      body: { text: 'one' },
    });
    expect(first.status).toBe(202);
    const reused = await act(appealId, 'respond', {
      token: 'operator',
      key,
      ifMatch: '"3"',
      body: { text: 'two' },
    });
    expect(reused).toMatchObject({ status: 422, body: { code: 'idempotency-key-reused' } });
    // Keys are per caller: the same key from someone else is a new request.
    const other = await act(appealId, 'escalate', {
      token: 'supervisor',
      key,
      ifMatch: '"4"',
      body: { reason: 'сапасыз жауап' },
    });
    expect(other.status).toBe(202);
  });

  it('answer 409 with the current ETag to a stale If-Match, and change nothing', async () => {
    const { appealId } = await seedCase({ version: 7 });
    const stale = await act(appealId, 'accept', { token: 'operator', ifMatch: '"6"' });
    expect(stale).toMatchObject({ status: 409, etag: '"7"', body: { code: 'stale-version', etag: '"7"' } });
    const fresh = await act(appealId, 'accept', { token: 'operator', ifMatch: '"7"' });
    expect(fresh).toMatchObject({ status: 202, body: { status: 'in-work', etag: '"8"' } });
  });

  it('need If-Match (428) and an Idempotency-Key (400)', async () => {
    const { appealId } = await seedCase();
    expect(await act(appealId, 'accept', { token: 'operator' })).toMatchObject({
      status: 428,
      body: { code: 'if-match-required' },
    });
    expect(await act(appealId, 'accept', { token: 'operator', key: null, ifMatch: '"3"' })).toMatchObject({
      status: 400,
      body: {
        code: 'invalid-request',
        fieldErrors: [{ field: 'Idempotency-Key', reason: expect.any(String) }],
      },
    });
  });

  it("answer 404 for a case outside the caller's scope, as for one that does not exist", async () => {
    const { appealId } = await seedCase();
    const foreign = await act(appealId, 'accept', { token: 'foreignOperator', ifMatch: '"3"' });
    expect(foreign).toMatchObject({ status: 404, body: { code: 'case-not-found' } });
    expect(await act(randomUUID(), 'accept', { token: 'operator', ifMatch: '"3"' })).toMatchObject({
      status: 404,
    });
    expect(await act('not-a-uuid', 'accept', { token: 'operator', ifMatch: '"3"' })).toMatchObject({
      status: 404,
    });
    expect(eventsOf(EventTypes.accepted, appealId)).toHaveLength(0);
  });

  it('answer 409 with the reason when the state machine refuses, and audit the refusal', async () => {
    const { appealId } = await seedCase({ status: 'in-work' });
    const twice = await act(appealId, 'accept', { token: 'operator', ifMatch: '"3"' });
    expect(twice).toMatchObject({ status: 409, body: { code: 'wrong-status', message: expect.any(String) } });
    const { appealId: atCentral } = await seedCase({
      organization_id: CENTRAL_RECEPTION_ID,
      level: 'central-reception',
    });
    const last = await act(atCentral, 'escalate', {
      token: 'supervisor',
      ifMatch: '"3"',
      body: { reason: 'тым ұзақ' },
    });
    expect(last).toMatchObject({ status: 409, body: { code: 'at-last-level' } });
    expect(await auditEntries(appealId)).toEqual([
      { action: 'case.accept', outcome: 'refused', actor_kind: 'staff' },
    ]);
  });

  it('answer 403 to a role the action is not open to, and 401 without a token', async () => {
    const { appealId } = await seedCase();
    expect(await act(appealId, 'accept', { token: 'supervisor', ifMatch: '"3"' })).toMatchObject({
      status: 403,
    });
    expect(await act(appealId, 'accept', { ifMatch: '"3"' })).toMatchObject({ status: 401 });
  });

  it('validate the body: 400 naming each field', async () => {
    const { appealId } = await seedCase();
    const bad = await act(appealId, 'extend', {
      token: 'operator',
      ifMatch: '"3"',
      body: { dueAt: 'tomorrow' },
    });
    expect(bad.status).toBe(400);
    expect((bad.body.fieldErrors as Array<{ field: string }>).map((error) => error.field).sort()).toEqual([
      'dueAt',
      'reason',
    ]);
  });
});

it('describes every action and the citizen routes in the OpenAPI document', async () => {
  const document = (await (await fetch(`${consoleApp.url}/docs-json`)).json()) as {
    paths: Record<string, { post?: { security?: unknown[] } }>;
  };
  for (const action of [
    'accept',
    'respond',
    'resolve',
    'transfer',
    'extend',
    'escalate',
    'take-under-control',
    'reopen',
  ])
    expect(document.paths[`/api/v1/cases/{appealId}/actions/${action}`]?.post?.security).toEqual([
      { bearer: [] },
    ]);
  expect(document.paths['/api/v1/cases/{appealId}/citizen-decision']?.post?.security).toEqual([
    { bearer: [] },
  ]);
  expect(document.paths['/api/v1/appeals/track/{trackingNumber}/decision']?.post?.security).toBeUndefined();
});

describe('ids in the path that name no case', () => {
  const notIds = ['x'.repeat(10_000), 'not-a-uuid', '1', 'KZ-2026-7K3M-9Q2X'];
  const withNul = ['%00', `${randomUUID()}%00`, 'KZ-2026-%00'];

  it('answer 400 to a NUL byte anywhere in the path, before any route runs', async () => {
    for (const id of withNul) {
      const answer = await act(id, 'accept', { token: 'operator', ifMatch: '"3"' });
      expect(answer.status).toBe(400);
      const byLink = await post(`/api/v1/appeals/track/${id}/decision`, {
        key: null,
        body: { secret: 'a'.repeat(43), decision: 'accept' },
      });
      expect(byLink.status).toBe(400);
    }
  });

  it('answer 404 on every case route, never 500, and leave nothing behind', async () => {
    for (const id of notIds) {
      for (const [action, token] of [
        ['accept', 'operator'],
        ['respond', 'operator'],
        ['transfer', 'operator'],
        ['extend', 'operator'],
        ['escalate', 'supervisor'],
        ['take-under-control', 'central'],
        ['reopen', 'operator'],
      ]) {
        const answer = await act(id, action, { token, ifMatch: '"3"', body: { text: 'x' } });
        expect({ id: id.slice(0, 40), action, status: answer.status }).toEqual({
          id: id.slice(0, 40),
          action,
          status: 404,
        });
        expect(answer.body).toMatchObject({ code: 'case-not-found' });
      }
      const decision = await post(`/api/v1/cases/${id}/citizen-decision`, {
        token: 'portal',
        key: null,
        body: { decision: 'accept' },
      });
      expect(decision.status).toBe(404);
      const page = await fetch(`${consoleApp.url}/api/v1/cases/${id}`, {
        headers: { authorization: 'Bearer operator' },
      });
      expect(page.status).toBe(404);
    }
    for (const trackingNumber of ['x'.repeat(10_000), 'KZ-2026-0000']) {
      const byLink = await post(`/api/v1/appeals/track/${trackingNumber}/decision`, {
        key: null,
        body: { secret: 'a'.repeat(43), decision: 'accept' },
      });
      expect(byLink.status).toBe(404);
    }
    const claimed = await db.query<unknown[]>(
      `SELECT 1 FROM console.action_request
       WHERE NOT appeal_id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`,
    );
    expect(claimed).toEqual([]);
  });
});

describe("the citizen's voice", () => {
  /** A new case the akimat took into work and answered. */
  async function answeredCase(): Promise<SeededCase & { responseId: string }> {
    const seeded = await seedCase();
    expect((await act(seeded.appealId, 'accept', { token: 'operator', ifMatch: '"3"' })).status).toBe(202);
    const answer = await act(seeded.appealId, 'respond', {
      token: 'operator',
      ifMatch: '"4"',
      body: { text: 'Жауап' },
    });
    expect(answer.status).toBe(202);
    const [{ response_id }] = await db.query(
      `SELECT response_id FROM console.case_file WHERE appeal_id = $1`,
      [seeded.appealId],
    );
    return { ...seeded, responseId: response_id as string };
  }

  function decideByLink(trackingNumber: string, body: unknown): Promise<ConsoleAnswer> {
    return post(`/api/v1/appeals/track/${trackingNumber}/decision`, { key: null, body });
  }

  it('a rejection with the secret of the answer publishes reopened; a wrong secret gets 404', async () => {
    const { appealId, trackingNumber, responseId } = await answeredCase();
    const secret = citizenDecisionSecret(LINK_KEY, appealId, responseId);

    const wrong = await decideByLink(trackingNumber, {
      secret: secret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')),
      decision: 'reject',
    });
    expect(wrong).toMatchObject({ status: 404, body: { code: 'appeal-not-found' } });
    const otherCase = await answeredCase();
    expect(await decideByLink(otherCase.trackingNumber, { secret, decision: 'reject' })).toMatchObject({
      status: 404,
    });

    const rejected = await decideByLink(trackingNumber, {
      secret,
      decision: 'reject',
      reason: 'Жол әлі жөнделмеді',
    });
    expect(rejected).toMatchObject({ status: 202, body: { decision: 'reject', status: 'in-work' } });
    const reopened = await tap.waitFor<{ appealId: string; reopenedBy: unknown }>(
      Topics.events,
      'reopened',
      (event) => event.type === EventTypes.reopened && event.data.appealId === appealId,
    );
    expect(reopened.event.id).toBe(rejected.body.eventId);
    expect(reopened.event.data.reopenedBy).toEqual({ kind: 'citizen', id: 'tracking-link' });

    // The same decision again is the first one; the other decision on the same answer is refused.
    expect(await decideByLink(trackingNumber, { secret, decision: 'reject' })).toMatchObject({
      status: 202,
      replayed: true,
      body: { eventId: rejected.body.eventId },
    });
    expect(await decideByLink(trackingNumber, { secret, decision: 'accept' })).toMatchObject({
      status: 409,
      body: { code: 'already-decided' },
    });
    expect(eventsOf(EventTypes.reopened, appealId)).toHaveLength(1);
    expect((await auditEntries(appealId)).at(-1)).toEqual({
      action: 'case.reopen',
      outcome: 'ok',
      actor_kind: 'citizen',
    });
  });

  it('the submitting portal passes on an acceptance: resolved by the citizen; another system gets 404', async () => {
    const { appealId, responseId } = await answeredCase();
    const path = `/api/v1/cases/${appealId}/citizen-decision`;
    expect(await post(path, { token: 'otherPortal', key: null, body: { decision: 'accept' } })).toMatchObject(
      { status: 404 },
    );
    expect(await post(path, { token: 'operator', key: null, body: { decision: 'accept' } })).toMatchObject({
      status: 403,
    });
    expect(
      await post(path, {
        token: 'portal',
        key: null,
        body: { decision: 'accept', responseId: randomUUID() },
      }),
    ).toMatchObject({ status: 409, body: { code: 'not-the-current-answer' } });

    const accepted = await post(path, {
      token: 'portal',
      key: null,
      body: { decision: 'accept', responseId },
    });
    expect(accepted).toMatchObject({ status: 202, body: { decision: 'accept', status: 'resolved' } });
    const resolved = await tap.waitFor<{ appealId: string; resolvedBy: unknown }>(
      Topics.events,
      'resolved',
      (event) => event.type === EventTypes.resolved && event.data.appealId === appealId,
    );
    expect(resolved.event.data.resolvedBy).toEqual({ kind: 'citizen', id: 'submitting-portal' });
  });

  it('a decision before any answer is refused', async () => {
    const { appealId } = await seedCase();
    const early = await post(`/api/v1/cases/${appealId}/citizen-decision`, {
      token: 'portal',
      key: null,
      body: { decision: 'reject' },
    });
    expect(early).toMatchObject({ status: 409, body: { code: 'not-answered' } });
  });

  it('the public route is rate-limited per address', async () => {
    const { trackingNumber } = await seedCase();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 14; attempt += 1)
      statuses.push((await decideByLink(trackingNumber, { secret: 'guess', decision: 'accept' })).status);
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(statuses.indexOf(429)).every((status) => status === 429)).toBe(true);
    expect(statuses.every((status) => status === 404 || status === 429)).toBe(true);
  });
});
