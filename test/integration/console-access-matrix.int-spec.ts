import { Topics } from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import {
  createStaffUser,
  createSystem,
  inAppSent,
  LifecyclePublisher,
  loginStaff,
  OwnTestDatabase,
  startGroupAtEnd,
  staffWithToken,
  systemAccessToken,
  testKafka,
} from '@app/testing';
import { randomUUID } from 'node:crypto';
import { CaseHistory } from '../support/case-history';
import type { InProcessConsole } from '../support/console-in-process';
import { startConsoleInProcess } from '../support/in-process-console';

/**
 * The access matrix of issue 7: every route of the console's OpenAPI document × every kind of caller × a case
 * in the caller's scope and one outside it, on the console as it runs (its own logins, tokens, guard and
 * scope), with cases that came through the real events topic. The expected outcomes are the two tables
 * below; the test fails when the document has a route they do not list, or they list one it lacks.
 */
jest.setTimeout(180_000);

/**
 * Cells: 401 / 403 / 2xx — that status whatever the case;
 * `scope` — the own case passes auth and scope (a read answers 200 with it; an action, sent with a stale
 *           If-Match, answers 409 and changes nothing), the foreign case answers 404 and shows nothing of it;
 * `held`  — as `scope` on a case the caller holds; on one it reads but another body holds, an action sent with
 *           the case's current ETag is refused by the state machine (409, not a stale version);
 * `list`  — 200, the own case (or its region, for figures) is listed, the foreign one is not.
 * Notification routes take the in-app message about each case instead (see `notices`): `scope` marks the own
 * one read (204) and answers 404 for the foreign one, `list` lists the own and not the foreign.
 */
const PROTECTED = `
route                                                   | none | op-almaty | op-astana | sup-almaty | central | admin | system-s | disabled | revoked
GET  /api/v1/cases                                      | 401  | list      | list      | list       | list    | 403   | list     | 401      | 401
GET  /api/v1/cases/search                               | 401  | list      | list      | list       | list    | 403   | list     | 401      | 401
GET  /api/v1/cases/{appealId}                           | 401  | scope     | scope     | scope      | scope   | 403   | scope    | 401      | 401
GET  /api/v1/board                                      | 401  | 403       | 403       | list       | list    | 403   | 403      | 401      | 401
GET  /api/v1/figures                                    | 401  | list      | list      | list       | list    | 403   | 403      | 401      | 401
GET  /api/v1/live                                       | 401  | 200       | 200       | 200        | 200     | 403   | 403      | 401      | 401
POST /api/v1/cases/{appealId}/actions/accept            | 401  | scope     | scope     | 403        | held    | 403   | 403      | 401      | 401
POST /api/v1/cases/{appealId}/actions/respond           | 401  | scope     | scope     | 403        | held    | 403   | 403      | 401      | 401
POST /api/v1/cases/{appealId}/actions/resolve           | 401  | scope     | scope     | 403        | held    | 403   | 403      | 401      | 401
POST /api/v1/cases/{appealId}/actions/transfer          | 401  | scope     | scope     | 403        | held    | 403   | 403      | 401      | 401
POST /api/v1/cases/{appealId}/actions/extend            | 401  | scope     | scope     | scope      | held    | 403   | 403      | 401      | 401
POST /api/v1/cases/{appealId}/actions/escalate          | 401  | 403       | 403       | scope      | 403     | 403   | 403      | 401      | 401
POST /api/v1/cases/{appealId}/actions/take-under-control| 401  | 403       | 403       | 403        | held    | 403   | 403      | 401      | 401
POST /api/v1/cases/{appealId}/actions/reopen            | 401  | scope     | scope     | 403        | held    | 403   | 403      | 401      | 401
POST /api/v1/cases/{appealId}/citizen-decision          | 401  | 403       | 403       | 403        | 403     | 403   | scope    | 401      | 401
POST /api/v1/auth/logout                                | 401  | 204       | 204       | 204        | 204     | 204   | 403      | 401      | 401
GET  /api/v1/admin/users                                | 401  | 403       | 403       | 403        | 403     | 200   | 403      | 401      | 401
POST /api/v1/admin/users                                | 401  | 403       | 403       | 403        | 403     | 201   | 403      | 401      | 401
PATCH /api/v1/admin/users/{id}                          | 401  | 403       | 403       | 403        | 403     | 200   | 403      | 401      | 401
POST /api/v1/admin/users/{id}/password                  | 401  | 403       | 403       | 403        | 403     | 204   | 403      | 401      | 401
GET  /api/v1/admin/systems                              | 401  | 403       | 403       | 403        | 403     | 200   | 403      | 401      | 401
POST /api/v1/admin/systems                              | 401  | 403       | 403       | 403        | 403     | 201   | 403      | 401      | 401
POST /api/v1/admin/systems/{clientId}/rotate            | 401  | 403       | 403       | 403        | 403     | 200   | 403      | 401      | 401
POST /api/v1/admin/systems/{clientId}/revoke            | 401  | 403       | 403       | 403        | 403     | 200   | 403      | 401      | 401
GET  /api/v1/admin/audit                                | 401  | 403       | 403       | 403        | 403     | 200   | 403      | 401      | 401
GET  /api/v1/notifications                              | 401  | list      | list      | list       | list    | 403   | 403      | 401      | 401
POST /api/v1/notifications/read-all                     | 401  | 200       | 200       | 200        | 200     | 403   | 403      | 401      | 401
POST /api/v1/notifications/{id}/read                    | 401  | scope     | scope     | scope      | scope   | 403   | 403      | 401      | 401
GET  /api/v1/me                                         | 401  | 200       | 200       | 200        | 200     | 200   | 403      | 401      | 401
PATCH /api/v1/me                                        | 401  | 200       | 200       | 200        | 200     | 200   | 403      | 401      | 401
`;

/** Open to anyone: the status each gives without a token (health, metrics and docs are not in the document). */
const PUBLIC = `
route                                                   | no token | in the document
POST /api/v1/auth/login                                 | 200      | yes
POST /api/v1/auth/refresh                               | 401      | yes
POST /api/v1/auth/token                                 | 401      | yes
GET  /.well-known/jwks.json                             | 200      | yes
POST /api/v1/appeals/track/{trackingNumber}/decision    | 404      | yes
GET  /api/v1/appeals/track/{trackingNumber}             | 404      | yes
GET  /api/v1/appeals/track/{trackingNumber}/answer      | 404      | yes
GET  /health/live                                       | 200      | no
GET  /health/ready                                      | 200      | no
GET  /health/kafka                                      | 200      | no
GET  /metrics                                           | 200      | no
GET  /docs                                              | 200      | no
GET  /docs-json                                         | 200      | no
`;

function parseTable(table: string): { columns: string[]; rows: Map<string, string[]> } {
  const [header, ...lines] = table
    .trim()
    .split('\n')
    .map((line) => line.split('|').map((cell) => cell.trim()));
  const rows = new Map<string, string[]>();
  for (const [route, ...cells] of lines) {
    const key = route.replace(/\s+/, ' ');
    if (rows.has(key)) throw new Error(`${key} is listed twice`);
    rows.set(key, cells);
  }
  return { columns: header.slice(1), rows };
}

const protectedTable = parseTable(PROTECTED);
const publicTable = parseTable(PUBLIC);

type CaseKey = 'A' | 'B' | 'C' | 'D';
const SOURCE_S = 'urn:kz:matrix:portal-s';
const OTHER_SOURCE = 'urn:kz:matrix:call-centre';
const ALMATY = '750000000';
const ASTANA = '710000000';
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

interface CaseUnderTest {
  history: CaseHistory;
  /** The region that oversees it (a supervisor's scope, a row of the figures). */
  region: string;
}
const inAlmaty = (source: string): CaseUnderTest => ({
  history: new CaseHistory({ source }, new Date()),
  region: ALMATY,
});
const inAstana = (): CaseUnderTest => ({
  history: new CaseHistory(
    { source: OTHER_SOURCE, organizationId: 'akimat-astana', regionKato: '711210000' },
    new Date(),
  ),
  region: ASTANA,
});

/** A: source S, Almaty, at its akimat. B: another source, Astana. C, D: escalated to the central reception. */
const CASES: Record<CaseKey, CaseUnderTest> = {
  A: inAlmaty(SOURCE_S),
  B: inAstana(),
  C: inAlmaty(OTHER_SOURCE),
  D: inAstana(),
};
const { A, B, C, D } = CASES;

function lifecycles() {
  return [
    A.history.registered(),
    A.history.routed('akimat-almaty', ALMATY),
    A.history.deadlineAssigned(soon(7)),
    B.history.registered(),
    B.history.routed('akimat-astana', ASTANA),
    B.history.deadlineAssigned(soon(7), 'routed', 'regional-akimat', 'akimat-astana'),
    C.history.registered(),
    C.history.routed('akimat-almaty', ALMATY),
    C.history.deadlineAssigned(soon(-1)),
    C.history.escalated('akimat-almaty', 'overdue', soon(10)),
    D.history.registered(),
    D.history.routed('akimat-astana', ASTANA),
    D.history.deadlineAssigned(soon(-1), 'routed', 'regional-akimat', 'akimat-astana'),
    D.history.escalated('akimat-astana', 'overdue', soon(10)),
  ];
}

interface Caller {
  /** Absent for the caller without a token. */
  token?: string;
  /** A session of its own for the route that ends it (logout), so the caller's token lives on. */
  freshToken?: () => Promise<string>;
  /** The case in its scope (and the one on the escalation board), and one outside it; none where it sees all. */
  own?: CaseKey;
  foreign?: CaseKey;
  escalatedOwn?: CaseKey;
  escalatedForeign?: CaseKey;
  /** A case it reads but another body holds (`held` cells). */
  readsButDoesNotHold?: CaseKey;
  /** The case whose in-app message is addressed to it, and one whose message is not. */
  notices?: { own: CaseKey; foreign: CaseKey };
}

const ROOT = { username: 'matrix.root', password: 'matrix-root-passphrase' };
const PASSWORD = 'matrix-staff-passphrase';
const callers: Record<string, Caller> = {};
/** The admin routes' objects: an account and two systems that only the admin row changes. */
const targets = { userId: '', rotateClientId: '', revokeClientId: '' };
const versions = new Map<CaseKey, string | null>();
/**
 * One in-app message per case, to the body that holds it: A's to Almaty's akimat, B's to Astana's, C's and D's
 * to the central reception. By appeal id, its message id.
 */
const MESSAGES: Record<CaseKey, string> = {
  A: 'akimat-almaty',
  B: 'akimat-astana',
  C: 'central-reception',
  D: 'central-reception',
};
const messageIds = new Map<string, string>();

const database = new OwnTestDatabase('access_matrix');
const kafka = testKafka('console-access-matrix');
const publisher = new LifecyclePublisher(kafka);
const outcomes = new LifecyclePublisher(kafka, Topics.notifications);
let consoleApp: InProcessConsole;

async function staffCaller(
  adminToken: string,
  username: string,
  role: 'operator' | 'supervisor' | 'central-reception' | 'admin',
  scope: Omit<Caller, 'token' | 'freshToken'>,
  placement: { organizationId?: string; regionKato?: string } = {},
): Promise<Caller> {
  const { tokens } = await staffWithToken(consoleApp.url, adminToken, {
    username,
    password: PASSWORD,
    role,
    ...placement,
  });
  const freshToken = async () => (await loginStaff(consoleApp.url, username, PASSWORD)).accessToken;
  return { token: tokens.accessToken, freshToken, ...scope };
}

beforeAll(async () => {
  const groupId = `console-access-matrix-${randomUUID()}`;
  await startGroupAtEnd(kafka, groupId, Topics.events);
  consoleApp = await startConsoleInProcess(
    {
      DATABASE_URL: await database.create(),
      CONSOLE_ADMIN_USERNAME: ROOT.username,
      CONSOLE_ADMIN_PASSWORD: ROOT.password,
      CONSOLE_RATE_LIMIT: '100000/60',
      CONSOLE_RATE_LIMIT_ANONYMOUS: '100000/60',
      CONSOLE_RATE_LIMIT_SIGN_IN: '100000/60',
      CONSOLE_CITIZEN_LINK_KEY: 'matrix-citizen-link-key-0123456789abcdef',
    },
    groupId,
  );
  const root = (await loginStaff(consoleApp.url, ROOT.username, ROOT.password)).accessToken;
  const url = consoleApp.url;

  const [opAlmaty, opAstana, supAlmaty, central, admin, disabled] = await Promise.all([
    staffCaller(
      root,
      'matrix.op.almaty',
      'operator',
      { own: 'A', foreign: 'B', notices: { own: 'A', foreign: 'B' } },
      { organizationId: 'akimat-almaty' },
    ),
    staffCaller(
      root,
      'matrix.op.astana',
      'operator',
      { own: 'B', foreign: 'A', notices: { own: 'B', foreign: 'A' } },
      { organizationId: 'akimat-astana' },
    ),
    staffCaller(
      root,
      'matrix.sup.almaty',
      'supervisor',
      // C's message is the central reception's, though C is an Almaty case.
      {
        own: 'A',
        foreign: 'B',
        escalatedOwn: 'C',
        escalatedForeign: 'D',
        notices: { own: 'A', foreign: 'C' },
      },
      { regionKato: ALMATY },
    ),
    staffCaller(root, 'matrix.central', 'central-reception', {
      own: 'C',
      escalatedOwn: 'C',
      readsButDoesNotHold: 'A',
      notices: { own: 'C', foreign: 'A' },
    }),
    staffCaller(root, 'matrix.admin', 'admin', {}),
    staffWithToken(url, root, {
      username: 'matrix.op.disabled',
      password: PASSWORD,
      role: 'operator',
      organizationId: 'akimat-almaty',
    }),
  ]);
  const [systemS, revoked, rotateTarget, revokeTarget] = await Promise.all([
    createSystem(url, root, { name: 'Portal S', source: SOURCE_S }),
    createSystem(url, root, { name: 'Revoked portal', source: 'urn:kz:matrix:revoked' }),
    createSystem(url, root, { name: 'To rotate', source: 'urn:kz:matrix:rotate' }),
    createSystem(url, root, { name: 'To revoke', source: 'urn:kz:matrix:revoke' }),
  ]);
  const revokedToken = await systemAccessToken(url, revoked.clientId, revoked.clientSecret);
  await adminCall('PATCH', `/api/v1/admin/users/${disabled.userId}`, root, { disabled: true });
  await adminCall('POST', `/api/v1/admin/systems/${revoked.clientId}/revoke`, root);
  targets.userId = await createStaffUser(url, root, {
    username: 'matrix.edited',
    password: PASSWORD,
    role: 'operator',
    organizationId: 'x',
  });
  targets.rotateClientId = rotateTarget.clientId;
  targets.revokeClientId = revokeTarget.clientId;

  Object.assign(callers, {
    none: { foreign: 'A' },
    'op-almaty': opAlmaty,
    'op-astana': opAstana,
    'sup-almaty': supAlmaty,
    central,
    admin: { ...admin, foreign: 'A' },
    'system-s': {
      token: await systemAccessToken(url, systemS.clientId, systemS.clientSecret),
      own: 'A',
      foreign: 'B',
    },
    disabled: { token: disabled.tokens.accessToken, foreign: 'A' },
    revoked: { token: revokedToken, foreign: 'A' },
  } satisfies Record<string, Caller>);

  await publisher.connect();
  await publisher.publish(...lifecycles());
  await waitUntil(
    'the four cases to be projected, C and D escalated',
    async () => {
      for (const key of ['A', 'B', 'C', 'D'] as const) {
        const page = await request('GET', `/api/v1/cases/${CASES[key].history.appealId}`, central.token);
        if (page.status !== 200) return false;
        const level = (page.body as { case: { level: string } }).case.level;
        if ((key === 'C' || key === 'D') !== (level === 'central-reception')) return false;
        versions.set(key, page.etag);
      }
      return true;
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );

  await outcomes.connect();
  const messages = (['A', 'B', 'C', 'D'] as const).map((key) => inAppSent(CASES[key].history, MESSAGES[key]));
  for (const message of messages) messageIds.set(message.data.appealId, message.data.notificationId);
  await outcomes.publish(...messages);
  await waitUntil(
    "the in-app messages to reach Almaty's operator and the central reception",
    async () => {
      const listed = async (token?: string) =>
        JSON.stringify((await request('GET', '/api/v1/notifications', token)).body);
      return (
        (await listed(opAlmaty.token)).includes(A.history.appealId) &&
        (await listed(central.token)).includes(D.history.appealId)
      );
    },
    { timeoutMs: 60_000, intervalMs: 200 },
  );
});

afterAll(async () => {
  printMatrix();
  await publisher.disconnect();
  await outcomes.disconnect();
  await consoleApp?.stop();
  await database.drop();
});

interface Answer {
  status: number;
  etag: string | null;
  body: unknown;
  text: string;
}

async function request(
  method: string,
  path: string,
  token?: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const form = body instanceof URLSearchParams;
  const response = await fetch(`${consoleApp.url}${path}`, {
    method,
    headers: {
      ...(body !== undefined && {
        'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
      }),
      ...(token && { authorization: `Bearer ${token}` }),
      ...headers,
    },
    body: body === undefined ? undefined : form ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (metrics, the docs page): the text is enough.
  }
  return { status: response.status, etag: response.headers.get('etag'), body: parsed, text };
}

/** Only the status and headers of a stream: the answer is aborted once they arrive. */
async function streamStatus(path: string, token?: string): Promise<Answer> {
  const abort = new AbortController();
  const response = await fetch(`${consoleApp.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    signal: abort.signal,
  });
  abort.abort();
  return { status: response.status, etag: null, body: undefined, text: '' };
}

async function adminCall(method: string, path: string, token: string, body?: unknown): Promise<void> {
  const answer = await request(method, path, token, body);
  if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.text}`);
}

/** How each route is called: its path for a case, its body, and how a list shows a case. */
interface RoutePlan {
  path: (appealId: string) => string;
  body?: () => unknown;
  /** An action: sent with a stale If-Match and an Idempotency-Key. */
  action?: boolean;
  stream?: boolean;
  /** Whether a listed answer holds this case (for figures, its region). */
  lists?: (body: unknown, key: CaseKey) => boolean;
  /** Lists the escalation board's cases rather than the caller's everyday ones. */
  board?: boolean;
  /** Ends the caller's session: called with a token of a session of its own. */
  endsSession?: boolean;
  /** Takes the caller's in-app messages' cases (`notices`) rather than its cases. */
  notices?: boolean;
  /** What a write past the guard and the scope answers; 409 (a stale If-Match) unless given. */
  passes?: number;
}

const itemsHold = (page: unknown, key: CaseKey) =>
  (page as { items: Array<{ appealId: string }> }).items.some(
    (item) => item.appealId === CASES[key].history.appealId,
  );
const fixed = (path: string) => () => path;
const action = (name: string, body?: () => unknown): RoutePlan => ({
  path: (appealId) => `/api/v1/cases/${appealId}/actions/${name}`,
  action: true,
  body,
});
let created = 0;

const PLANS: Record<string, RoutePlan> = {
  'GET /api/v1/cases': { path: fixed('/api/v1/cases?status=all&limit=100'), lists: itemsHold },
  'GET /api/v1/cases/search': {
    path: fixed(`/api/v1/cases/search?q=${encodeURIComponent('жол')}`),
    lists: itemsHold,
  },
  'GET /api/v1/cases/{appealId}': { path: (appealId) => `/api/v1/cases/${appealId}` },
  'GET /api/v1/board': {
    path: fixed('/api/v1/board'),
    lists: (board, key) => itemsHold((board as { cases: unknown }).cases, key),
    board: true,
  },
  'GET /api/v1/figures': {
    path: fixed('/api/v1/figures'),
    lists: (figures, key) =>
      (figures as { regions: Array<{ regionKato: string }> }).regions.some(
        (region) => region.regionKato === CASES[key].region,
      ),
  },
  'GET /api/v1/live': { path: fixed('/api/v1/live'), stream: true },
  'POST /api/v1/cases/{appealId}/actions/accept': action('accept'),
  'POST /api/v1/cases/{appealId}/actions/respond': action('respond', () => ({ text: 'Жауап' })),
  'POST /api/v1/cases/{appealId}/actions/resolve': action('resolve'),
  'POST /api/v1/cases/{appealId}/actions/transfer': action('transfer', () => ({
    reason: 'Біздің құзыретте емес',
  })),
  'POST /api/v1/cases/{appealId}/actions/extend': action('extend', () => ({
    reason: 'Қосымша тексеру керек',
    dueAt: soon(20),
  })),
  'POST /api/v1/cases/{appealId}/actions/escalate': action('escalate', () => ({ reason: 'Жауап жоқ' })),
  'POST /api/v1/cases/{appealId}/actions/take-under-control': action('take-under-control', () => ({
    note: 'Бақылауда',
  })),
  'POST /api/v1/cases/{appealId}/actions/reopen': action('reopen'),
  'POST /api/v1/cases/{appealId}/citizen-decision': {
    path: (appealId) => `/api/v1/cases/${appealId}/citizen-decision`,
    body: () => ({ decision: 'accept' }),
  },
  'POST /api/v1/auth/logout': { path: fixed('/api/v1/auth/logout'), endsSession: true },
  'GET /api/v1/admin/users': { path: fixed('/api/v1/admin/users') },
  'POST /api/v1/admin/users': {
    path: fixed('/api/v1/admin/users'),
    body: () => ({
      username: `matrix.new.${++created}`,
      password: PASSWORD,
      role: 'supervisor',
      regionKato: ASTANA,
    }),
  },
  'PATCH /api/v1/admin/users/{id}': {
    path: () => `/api/v1/admin/users/${targets.userId}`,
    body: () => ({ organizationId: 'akimat-almaty' }),
  },
  'POST /api/v1/admin/users/{id}/password': {
    path: () => `/api/v1/admin/users/${targets.userId}/password`,
    body: () => ({ password: `${PASSWORD}-new` }),
  },
  'GET /api/v1/admin/systems': { path: fixed('/api/v1/admin/systems') },
  'POST /api/v1/admin/systems': {
    path: fixed('/api/v1/admin/systems'),
    body: () => ({ name: 'New system', source: `urn:kz:matrix:new-${++created}` }),
  },
  'POST /api/v1/admin/systems/{clientId}/rotate': {
    path: () => `/api/v1/admin/systems/${targets.rotateClientId}/rotate`,
  },
  'POST /api/v1/admin/systems/{clientId}/revoke': {
    path: () => `/api/v1/admin/systems/${targets.revokeClientId}/revoke`,
  },
  'GET /api/v1/admin/audit': { path: fixed('/api/v1/admin/audit') },
  'GET /api/v1/notifications': { path: fixed('/api/v1/notifications'), lists: itemsHold, notices: true },
  'POST /api/v1/notifications/read-all': { path: fixed('/api/v1/notifications/read-all') },
  'POST /api/v1/notifications/{id}/read': {
    path: (appealId) => `/api/v1/notifications/${messageIds.get(appealId) ?? randomUUID()}/read`,
    notices: true,
    passes: 204,
  },
  'GET /api/v1/me': { path: fixed('/api/v1/me') },
  'PATCH /api/v1/me': { path: fixed('/api/v1/me'), body: () => ({ language: 'kk' }) },
  'POST /api/v1/auth/login': {
    path: fixed('/api/v1/auth/login'),
    body: () => ({ username: 'matrix.op.almaty', password: PASSWORD }),
  },
  'POST /api/v1/auth/refresh': {
    path: fixed('/api/v1/auth/refresh'),
    body: () => ({ refreshToken: 'x.y.z' }),
  },
  'POST /api/v1/auth/token': {
    path: fixed('/api/v1/auth/token'),
    body: () =>
      new URLSearchParams({ grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'wrong' }),
  },
  'GET /.well-known/jwks.json': { path: fixed('/.well-known/jwks.json') },
  'POST /api/v1/appeals/track/{trackingNumber}/decision': {
    path: () => `/api/v1/appeals/track/${A.history.trackingNumber}/decision`,
    body: () => ({ decision: 'reject', secret: 'not-the-secret' }),
  },
  // The test's tracking numbers are not of intake's form: the public routes answer 404 as to an unknown one.
  'GET /api/v1/appeals/track/{trackingNumber}': {
    path: () => `/api/v1/appeals/track/${A.history.trackingNumber}`,
  },
  'GET /api/v1/appeals/track/{trackingNumber}/answer': {
    path: () => `/api/v1/appeals/track/${A.history.trackingNumber}/answer?response=${randomUUID()}&secret=x`,
  },
  'GET /health/live': { path: fixed('/health/live') },
  'GET /health/ready': { path: fixed('/health/ready') },
  'GET /health/kafka': { path: fixed('/health/kafka') },
  'GET /metrics': { path: fixed('/metrics') },
  'GET /docs': { path: fixed('/docs') },
  'GET /docs-json': { path: fixed('/docs-json') },
};

function planOf(route: string): RoutePlan {
  const plan = PLANS[route];
  if (!plan) throw new Error(`no request plan for ${route}: add one to PLANS`);
  return plan;
}

/** Actions go with a stale If-Match unless told otherwise, and a fresh Idempotency-Key. */
async function call(
  route: string,
  token: string | undefined,
  appealId = '',
  ifMatch = '"999"',
): Promise<Answer> {
  const plan = planOf(route);
  const method = route.split(' ')[0];
  const path = plan.path(appealId);
  if (plan.stream) return streamStatus(path, token);
  const headers: Record<string, string> = plan.action
    ? { 'if-match': ifMatch, 'idempotency-key': randomUUID() }
    : {};
  return request(method, path, token, plan.body?.(), headers);
}

/** What one call showed, as the printed matrix gives it. */
interface Cell {
  shown: string;
  failures: string[];
}
interface Cells {
  own?: Cell;
  foreign?: Cell;
}
const results = new Map<string, Map<string, Cells>>();

function checkStatus(answer: Answer, expected: number, what: string): string[] {
  return answer.status === expected
    ? []
    : [`${what}: expected ${expected}, got ${answer.status} ${answer.text.slice(0, 200)}`];
}

/** A 404 that tells nothing: the error body, with no trace of the case. */
function checkHidden(answer: Answer, key: CaseKey, what: string): string[] {
  const failures = checkStatus(answer, 404, what);
  const { history } = CASES[key];
  const traces = [history.trackingNumber, history.details.subject, history.details.citizen.fullName];
  if (traces.some((trace) => answer.text.includes(trace))) failures.push(`${what}: the 404 shows the case`);
  return failures;
}

/** Past the guard and the scope: a read shows the case, an action stops at the stale If-Match. */
function checkPassed(route: string, answer: Answer, key: CaseKey, what: string): string[] {
  const plan = planOf(route);
  if (route.startsWith('GET ')) {
    const failures = checkStatus(answer, 200, what);
    const shown = (answer.body as { case?: { appealId?: string } }).case?.appealId;
    if (failures.length === 0 && shown !== CASES[key].history.appealId)
      failures.push(`${what}: not the case`);
    return failures;
  }
  const failures = checkStatus(answer, plan.passes ?? 409, what);
  const code = (answer.body as { code?: string }).code;
  if (plan.action && code !== 'stale-version') failures.push(`${what}: 409 for ${code}, not a stale version`);
  return failures;
}

async function scopeCells(
  route: string,
  who: string,
  token: string | undefined,
  own: CaseKey,
  foreign?: CaseKey,
): Promise<Cells> {
  const what = `${route} as ${who}`;
  const mine = await call(route, token, CASES[own].history.appealId);
  const cells: Cells = {
    own: { shown: `${mine.status} (${own})`, failures: checkPassed(route, mine, own, `${what} on ${own}`) },
  };
  if (foreign) {
    const theirs = await call(route, token, CASES[foreign].history.appealId);
    cells.foreign = {
      shown: `${theirs.status} (${foreign})`,
      failures: checkHidden(theirs, foreign, `${what} on ${foreign}`),
    };
  }
  return cells;
}

/**
 * The central reception reads every case but acts only on those it holds: on one another body holds, even
 * with its current ETag, the state machine refuses (409, not a stale version) and nothing is published.
 */
async function heldCells(
  route: string,
  who: string,
  token: string | undefined,
  own: CaseKey,
  readable: CaseKey,
): Promise<Cells> {
  const cells = await scopeCells(route, who, token, own);
  const answer = await call(route, token, CASES[readable].history.appealId, versions.get(readable) ?? '');
  const code = (answer.body as { code?: string }).code;
  const failures = checkStatus(answer, 409, `${route} as ${who} on ${readable}, held by another body`);
  if (code === 'stale-version')
    failures.push(`${route} as ${who} on ${readable}: sent with its ETag, refused as stale`);
  return { ...cells, foreign: { shown: `${answer.status} (${readable}: ${code})`, failures } };
}

async function listCells(
  route: string,
  who: string,
  token: string | undefined,
  own?: CaseKey,
  foreign?: CaseKey,
): Promise<Cells> {
  const plan = planOf(route);
  const answer = await call(route, token);
  const failures = checkStatus(answer, 200, `${route} as ${who}`);
  if (!plan.lists) failures.push(`${route}: not a list`);
  if (failures.length > 0 || !plan.lists) return { own: { shown: String(answer.status), failures } };
  const cells: Cells = {};
  if (own) {
    const listed = plan.lists(answer.body, own);
    cells.own = {
      shown: `200 ${listed ? '+' : '-'}${own}`,
      failures: listed ? [] : [`${route} as ${who}: ${own} missing`],
    };
  }
  if (foreign) {
    const listed = plan.lists(answer.body, foreign);
    cells.foreign = {
      shown: `200 ${listed ? '+' : '-'}${foreign}`,
      failures: listed ? [`${route} as ${who}: lists the foreign ${foreign}`] : [],
    };
  }
  return cells;
}

/** A status whatever the case: a case route is called on both, so that neither scope changes the answer. */
async function statusCells(
  route: string,
  who: string,
  token: string | undefined,
  status: number,
  cases: CaseKey[],
): Promise<Cells> {
  const caseRoute = route.includes('{appealId}');
  const cells: Cells = {};
  for (const [side, key] of (caseRoute ? cases : [undefined]).entries()) {
    const answer = await call(route, token, key ? CASES[key].history.appealId : '');
    cells[side === 0 ? 'own' : 'foreign'] = {
      shown: `${answer.status}${key ? ` (${key})` : ''}`,
      failures: checkStatus(answer, status, `${route} as ${who}${key ? ` on ${key}` : ''}`),
    };
  }
  return cells;
}

async function runCell(route: string, who: string, expected: string): Promise<Cells> {
  const caller = callers[who];
  const plan = planOf(route);
  const token = plan.endsSession && caller.freshToken ? await caller.freshToken() : caller.token;
  const own = plan.board ? caller.escalatedOwn : plan.notices ? caller.notices?.own : caller.own;
  const foreign = plan.board
    ? caller.escalatedForeign
    : plan.notices
      ? caller.notices?.foreign
      : caller.foreign;
  const need = (key?: CaseKey): CaseKey => {
    if (!key) throw new Error(`${route} as ${who}: '${expected}' needs a case of the caller's own`);
    return key;
  };
  if (expected === 'scope') return scopeCells(route, who, token, need(own), foreign);
  if (expected === 'held') return heldCells(route, who, token, need(own), need(caller.readsButDoesNotHold));
  if (expected === 'list') return listCells(route, who, token, own, foreign);
  const status = Number(expected);
  if (!Number.isInteger(status)) throw new Error(`${route} as ${who}: unknown cell ${expected}`);
  return statusCells(
    route,
    who,
    token,
    status,
    [own, foreign].filter((key): key is CaseKey => key !== undefined),
  );
}

function printMatrix(): void {
  const mark = (cell?: Cell) => (cell ? `${cell.shown}${cell.failures.length > 0 ? ' ✗' : ''}` : '—');
  const lines = [...results].map(([route, row]) => [
    route,
    ...protectedTable.columns.map((callerName) => {
      const cells = row.get(callerName);
      if (!cells) return '';
      return cells.foreign ? `${mark(cells.own)} / ${mark(cells.foreign)}` : mark(cells.own);
    }),
  ]);
  const table = [['route', ...protectedTable.columns], ...lines];
  const widths = table[0].map((_, column) => Math.max(...table.map((line) => line[column].length)));
  console.log(
    'Access matrix: own case / foreign case; +X listed, -X not listed; ✗ not as expected\n' +
      table.map((line) => line.map((cell, column) => cell.padEnd(widths[column])).join(' | ')).join('\n'),
  );
}

describe('the access matrix', () => {
  it("lists every route of the console's OpenAPI document, and no other", async () => {
    const document = (await request('GET', '/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    const listed = [
      ...protectedTable.rows.keys(),
      ...[...publicTable.rows].filter(([, [, inDocument]]) => inDocument === 'yes').map(([route]) => route),
    ];
    expect({ 'not in the matrix': documented.filter((route) => !listed.includes(route)) }).toEqual({
      'not in the matrix': [],
    });
    expect({ 'no longer in the document': listed.filter((route) => !documented.includes(route)) }).toEqual({
      'no longer in the document': [],
    });
  });

  it.each([...protectedTable.rows.keys()])('%s', async (route) => {
    const cells = protectedTable.rows.get(route) ?? [];
    expect(cells).toHaveLength(protectedTable.columns.length);
    const row = new Map<string, Cells>();
    results.set(route, row);
    for (const [index, callerName] of protectedTable.columns.entries()) {
      if (!callers[callerName]) throw new Error(`no caller ${callerName}`);
      row.set(callerName, await runCell(route, callerName, cells[index]));
    }
    const failures = [...row.values()].flatMap((cell) => [
      ...(cell.own?.failures ?? []),
      ...(cell.foreign?.failures ?? []),
    ]);
    expect(failures).toEqual([]);
  });

  it.each([...publicTable.rows.keys()])('%s is public', async (route) => {
    const [status] = publicTable.rows.get(route) ?? [];
    const answer = await call(route, undefined);
    const failures = checkStatus(answer, Number(status), `${route} without a token`);
    results.set(route, new Map([['none', { own: { shown: String(answer.status), failures } }]]));
    expect(failures).toEqual([]);
  });

  it('leaves every case as it was: no action got past its stale If-Match', async () => {
    for (const key of ['A', 'B', 'C', 'D'] as const) {
      const page = await request(
        'GET',
        `/api/v1/cases/${CASES[key].history.appealId}`,
        callers.central.token,
      );
      expect({ key, etag: page.etag }).toEqual({ key, etag: versions.get(key) });
    }
  });
});
