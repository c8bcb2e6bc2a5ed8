import type { CasePageView, Figures } from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import { LifecyclePublisher, OwnTestDatabase, PORTAL_SOURCE, testKafka } from '@app/testing';
import { DateTime } from 'luxon';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { Principal } from '../../apps/console/src/access/principal';
import { CaseHistory } from '../support/case-history';
import { InProcessConsole } from '../support/console-in-process';

/**
 * The console's queries over HTTP, on cases that came through the real events topic: each caller sees its own
 * scope and nothing else (another body's case is a 404), search finds Kazakh and Russian words, a repeat
 * appeal is linked, and reading a case page, a list or a search leaves an audit entry.
 */
jest.setTimeout(120_000);

const PRINCIPALS: Record<string, Principal> = {
  'op-almaty': {
    kind: 'staff',
    userId: 'staff-op-almaty',
    role: 'operator',
    organizationId: 'akimat-almaty',
  },
  'op-astana': {
    kind: 'staff',
    userId: 'staff-op-astana',
    role: 'operator',
    organizationId: 'akimat-astana',
  },
  'sup-almaty': { kind: 'staff', userId: 'staff-sup-almaty', role: 'supervisor', regionKato: '750000000' },
  'sup-astana': { kind: 'staff', userId: 'staff-sup-astana', role: 'supervisor', regionKato: '710000000' },
  central: { kind: 'staff', userId: 'staff-central', role: 'central-reception' },
  admin: { kind: 'staff', userId: 'staff-admin', role: 'admin' },
  portal: { kind: 'system', clientId: 'portal', source: PORTAL_SOURCE },
};

const database = new OwnTestDatabase('console_queries');
const kafka = testKafka('console-queries-int-spec');
const publisher = new LifecyclePublisher(kafka);
let console_: InProcessConsole;
let db: Client;

const recently = new Date(Date.now() - 3 * 86_400_000);
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString();
const inTenDays = new Date(Date.now() + 10 * 86_400_000).toISOString();
const yesterday = new Date(Date.now() - 86_400_000).toISOString();

/** Almaty: a Kazakh complaint about a road, answered late, its repeat two days later, and an escalated one. */
const road = new CaseHistory({}, recently);
const roadAgain = new CaseHistory(
  { subject: 'Жол тағы да жөнделмеді', text: 'Екінші рет жазып отырмын.' },
  recently,
);
const escalated = new CaseHistory(
  { subject: 'Жарық жоқ', text: 'Көшеде түнде жарық жанбайды.', category: 'utilities.lighting' },
  recently,
);
/** Astana: a Russian request about the roads in a yard. */
const yard = new CaseHistory(
  {
    organizationId: 'akimat-astana',
    organizationName: 'Акимат города Астаны',
    regionKato: '711210000',
    language: 'ru',
    subject: 'Ремонт дорог во дворе',
    text: 'Прошу отремонтировать дороги во дворе дома, ямы мешают проезду.',
    citizen: { fullName: 'Иван Петров', phone: '+77017654321', preferredChannel: 'sms' },
    attachments: [],
  },
  recently,
);

async function get(path: string, token: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${console_.url}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
}

async function json<T = Record<string, unknown>>(path: string, token: string): Promise<T> {
  const response = await get(path, token);
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

type Listed = { items: Array<{ appealId: string; overdue: boolean; dueSoon: boolean }>; total: number };

/** The ids of this file's cases on the page, in its order: other files leave their own cases on the shared topic. */
const isOurs = (id: string) => [road, roadAgain, escalated, yard].some((history) => history.appealId === id);
const ids = (page: Listed) => page.items.map((item) => item.appealId).filter(isOurs);

beforeAll(async () => {
  db = new Client({ connectionString: await database.create() });
  await db.connect();
  await publisher.connect();
  console_ = new InProcessConsole({
    databaseUrl: database.url,
    groupId: `console-queries-${randomUUID()}`,
    port: 3652,
    principals: PRINCIPALS,
  });
  await console_.start();
  await publisher.publish(
    road.registered(),
    road.routed(),
    road.deadlineAssigned(yesterday),
    road.accepted(),
    roadAgain.registered(),
    roadAgain.routed(),
    roadAgain.deadlineAssigned(inAWeek),
    escalated.registered(),
    escalated.routed(),
    escalated.deadlineAssigned(yesterday),
    escalated.escalated('akimat-almaty', 'overdue', inTenDays),
    yard.registered(),
    yard.routed('akimat-astana', '710000000'),
    yard.deadlineAssigned(inAWeek, 'routed', 'regional-akimat', 'akimat-astana'),
    yard.accepted('akimat-astana'),
    yard.responded('akimat-astana'),
  );
  await waitUntil(
    'the 16 events of the four cases to be projected',
    async () => {
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM console.case_event WHERE appeal_id = ANY($1)`,
        [[road, roadAgain, escalated, yard].map((history) => history.appealId)],
      );
      return rows[0].n === 16;
    },
    { timeoutMs: 60_000, intervalMs: 100 },
  );
});

afterAll(async () => {
  await console_?.stop();
  await publisher.disconnect();
  await db?.end();
  await database.drop();
});

describe('GET /api/v1/cases (the queue)', () => {
  it("shows an operator its organisation's cases, overdue first, and no other body's", async () => {
    const queue = await json<Listed>('/api/v1/cases?limit=100', 'op-almaty');
    expect(ids(queue)).toEqual([road.appealId, roadAgain.appealId, escalated.appealId]);
    expect(queue.items.find((item) => item.appealId === road.appealId)).toMatchObject({ overdue: true });
    expect(JSON.stringify(queue)).not.toContain('asel@example.kz');
    expect(ids(await json<Listed>('/api/v1/cases?status=all', 'op-astana'))).toContain(yard.appealId);
    expect(ids(await json<Listed>('/api/v1/cases?status=all', 'op-astana'))).not.toContain(road.appealId);
  });

  it('filters and pages', async () => {
    const overdue = await json<Listed>('/api/v1/cases?overdue=true', 'op-almaty');
    expect(ids(overdue)).toContain(road.appealId);
    expect(ids(overdue)).not.toContain(roadAgain.appealId);
    const central = await json<Listed>('/api/v1/cases?level=central-reception', 'central');
    expect(ids(central)).toEqual(expect.arrayContaining([escalated.appealId]));
    expect(ids(central)).not.toContain(road.appealId);
    const answered = await json<Listed>(`/api/v1/cases?status=answered&region=711210000`, 'sup-astana');
    expect(ids(answered)).toEqual([yard.appealId]);
    const first = await json<Listed & { nextOffset?: number }>(
      '/api/v1/cases?limit=1&sort=received',
      'op-almaty',
    );
    expect(first.items).toHaveLength(1);
    expect(first.nextOffset).toBe(1);
  });

  it('answers 400 naming each bad or unknown parameter, 401 without a token, 403 for an admin', async () => {
    const response = await get('/api/v1/cases?limit=500&sort=name&colour=red', 'op-almaty');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fieldErrors: Array<{ field: string }> };
    expect(body.fieldErrors.map((error) => error.field).sort()).toEqual(['colour', 'limit', 'sort']);
    expect((await fetch(`${console_.url}/api/v1/cases`)).status).toBe(401);
    expect((await get('/api/v1/cases', 'admin')).status).toBe(403);
  });
});

describe('GET /api/v1/cases/{appealId} (the case page)', () => {
  it('shows the case with its citizen, text, files, timeline, deadline explained and repeat appeal; audited', async () => {
    const response = await get(`/api/v1/cases/${road.appealId}`, 'op-almaty', { 'accept-language': 'kk' });
    expect(response.status).toBe(200);
    const page = (await response.json()) as CasePageView;
    expect(response.headers.get('etag')).toBe(`"${page.case.version}"`);
    expect(page.case).toMatchObject({ appealId: road.appealId, text: road.details.text, status: 'in-work' });
    expect(page.citizen).toMatchObject({ fullName: 'Әсел Нұрланқызы', email: 'asel@example.kz' });
    expect(page.attachments).toEqual([expect.objectContaining({ name: 'жол-суреті.jpg' })]);
    expect(page.timeline.map((entry) => entry.type)).toEqual([
      'kz.appeals.registered.v1',
      'kz.appeals.routed.v1',
      'kz.appeals.deadline-assigned.v1',
      'kz.appeals.accepted.v1',
    ]);
    expect(page.deadline).toMatchObject({
      dueAt: yesterday,
      cause: 'routed',
      policy: '15 working days',
      workingDays: 15,
      registeredOn: '2026-03-02',
      overdue: true,
    });
    expect(page.deadline?.extensionLimit).toBe(
      DateTime.fromISO(yesterday, { zone: 'UTC+5' }).plus({ months: 2 }).toUTC().toISO(),
    );
    expect(page.deadline?.skipped[0]).toEqual({ date: expect.any(String), reason: expect.any(String) });
    // Other files' appeals of the same fixture citizen may sit on the shared topic: only this file's count.
    expect(page.repeatAppeals.filter((repeat) => isOurs(repeat.appealId))).toEqual([
      expect.objectContaining({ appealId: roadAgain.appealId }),
    ]);
    // Its deadline passed yesterday: too late to extend it.
    expect(page.allowedActions).toEqual(['respond', 'transfer']);

    const { rows } = await db.query(
      `SELECT actor_id, actor_role, action, fields FROM console.audit_entry WHERE appeal_id = $1`,
      [road.appealId],
    );
    expect(rows).toEqual([
      {
        actor_id: 'staff-op-almaty',
        actor_role: 'operator',
        action: 'case.read',
        fields: ['subject', 'text', 'citizen.fullName', 'citizen.email', 'attachments'],
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain('asel@example.kz');
  });

  it("answers 404 for another body's case, an unknown id and a malformed one, and audits none", async () => {
    for (const [token, id] of [
      ['op-astana', road.appealId],
      ['op-almaty', yard.appealId],
      ['sup-astana', road.appealId],
      ['op-almaty', randomUUID()],
      ['op-almaty', 'not-a-case'],
    ] as const) {
      const response = await get(`/api/v1/cases/${id}`, token);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({
        statusCode: 404,
        error: 'Not Found',
        code: 'case-not-found',
      });
    }
    const { rows } = await db.query(`SELECT 1 FROM console.audit_entry WHERE appeal_id = $1`, [
      yard.appealId,
    ]);
    expect(rows).toEqual([]);
  });

  it('lets the central reception read every case, and the submitting system only its own', async () => {
    expect((await get(`/api/v1/cases/${yard.appealId}`, 'central')).status).toBe(200);
    const answered = (await (await get(`/api/v1/cases/${yard.appealId}`, 'portal')).json()) as CasePageView;
    expect(answered.allowedActions).toEqual(['resolve', 'reopen']);
  });
});

describe('GET /api/v1/cases/search', () => {
  it('finds Kazakh words by their beginning, in any case, with Kazakh letters', async () => {
    const byPrefix = await json<Listed>(`/api/v1/cases/search?q=${encodeURIComponent('жол')}`, 'op-almaty');
    expect(ids(byPrefix)).toEqual(expect.arrayContaining([road.appealId, roadAgain.appealId]));
    expect(ids(byPrefix)).not.toContain(escalated.appealId);
    const upper = await json<Listed>(
      `/api/v1/cases/search?q=${encodeURIComponent('ШҰҢҚЫРЛАР ЖӨНДЕУ')}`,
      'op-almaty',
    );
    expect(ids(upper)).toEqual([road.appealId]);
    const letters = await json<Listed>(
      `/api/v1/cases/search?q=${encodeURIComponent('көшеде жарық')}`,
      'central',
    );
    expect(ids(letters)).toEqual([escalated.appealId]);
  });

  it('finds Russian words in another form, only in the caller’s scope', async () => {
    const stemmed = await json<Listed>(
      `/api/v1/cases/search?q=${encodeURIComponent('дорога ямы')}`,
      'sup-astana',
    );
    expect(ids(stemmed)).toEqual([yard.appealId]);
    const foreign = await json<Listed>(`/api/v1/cases/search?q=${encodeURIComponent('дорога')}`, 'op-almaty');
    expect(ids(foreign)).not.toContain(yard.appealId);
  });

  it('answers 400 for a search with no words', async () => {
    const response = await get(`/api/v1/cases/search?q=${encodeURIComponent('!?')}`, 'op-almaty');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fieldErrors: unknown }).fieldErrors).toEqual([
      expect.objectContaining({ field: 'q', reason: 'q must contain a letter or a digit' }),
    ]);
    expect((await get('/api/v1/cases/search', 'op-almaty')).status).toBe(400);
  });
});

describe('lists and their audit entries', () => {
  /** The caller's newest audit entry. */
  async function lastEntryOf(actorId: string) {
    const { rows } = await db.query<{
      action: string;
      appeal_id: string | null;
      fields: string[];
      detail: { appealIds: string[] };
    }>(
      `SELECT action, appeal_id, fields, detail FROM console.audit_entry
       WHERE actor_id = $1 ORDER BY id DESC LIMIT 1`,
      [actorId],
    );
    return rows[0];
  }

  it('audits each queue, search and board request with the ids of the cases it showed, never the search term', async () => {
    const queue = await json<Listed>('/api/v1/cases?limit=100', 'op-almaty');
    expect(await lastEntryOf('staff-op-almaty')).toEqual({
      action: 'case.list',
      appeal_id: null,
      fields: ['subject'],
      detail: { appealIds: queue.items.map((item) => item.appealId) },
    });
    expect(ids(queue)).toHaveLength(3);

    const term = 'ШҰҢҚЫРЛАР ЖӨНДЕУ';
    const found = await json<Listed>(`/api/v1/cases/search?q=${encodeURIComponent(term)}`, 'op-almaty');
    const searched = await lastEntryOf('staff-op-almaty');
    expect(searched).toEqual({
      action: 'case.search',
      appeal_id: null,
      fields: ['subject'],
      detail: { appealIds: found.items.map((item) => item.appealId) },
    });
    expect(ids(found)).toEqual([road.appealId]);
    const { rows } = await db.query(`SELECT 1 FROM console.audit_entry WHERE detail::text ILIKE $1`, [
      '%шұңқыр%',
    ]);
    expect(rows).toEqual([]);

    const nothing = await json<Listed>('/api/v1/cases/search?q=zzzqqq', 'op-almaty');
    expect(nothing.items).toEqual([]);
    expect(await lastEntryOf('staff-op-almaty')).toMatchObject({
      action: 'case.search',
      detail: { appealIds: [] },
    });

    const board = await json<{ cases: Listed }>('/api/v1/board', 'sup-almaty');
    expect(await lastEntryOf('staff-sup-almaty')).toEqual({
      action: 'case.board',
      appeal_id: null,
      fields: ['subject'],
      detail: { appealIds: board.cases.items.map((item) => item.appealId) },
    });
    expect(ids(board.cases)).toEqual([escalated.appealId]);
  });
});

describe('GET /api/v1/board and /api/v1/figures', () => {
  it('shows the central reception the escalated cases by region, a supervisor only its region', async () => {
    const board = await json<{ regions: Array<{ regionKato: string; escalated: number }>; cases: Listed }>(
      '/api/v1/board',
      'central',
    );
    expect(board.regions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ regionKato: '750000000', name: expect.any(Object) }),
      ]),
    );
    expect(ids(board.cases)).toContain(escalated.appealId);
    const astana = await json<{ regions: unknown[]; cases: Listed }>('/api/v1/board', 'sup-astana');
    expect(ids(astana.cases)).not.toContain(escalated.appealId);
    expect((await get('/api/v1/board', 'op-almaty')).status).toBe(403);
  });

  it("gives each region's figures in the caller's scope, week by week", async () => {
    const figures = await json<Figures>('/api/v1/figures?weeks=4', 'sup-almaty');
    expect(figures.regions.map((region) => region.regionKato)).toEqual(['750000000']);
    const [almaty] = figures.regions;
    expect(almaty.received).toBeGreaterThanOrEqual(3);
    expect(almaty.escalated).toBeGreaterThanOrEqual(1);
    expect(almaty.overdueNow).toBeGreaterThanOrEqual(1);
    expect(almaty.weeks).toHaveLength(4);
    const all = await json<Figures>('/api/v1/figures', 'central');
    const astana = all.regions.find((region) => region.regionKato === '710000000');
    expect(astana).toMatchObject({ answered: 1, answeredOnTime: 1, answeredOnTimePercent: 100 });
    expect((await get('/api/v1/figures?weeks=0', 'central')).status).toBe(400);
  });
});
