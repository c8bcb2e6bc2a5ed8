import { createStaffUser, loginStaff, OwnTestDatabase, staffWithToken, type StaffTokens } from '@app/testing';
import type { InProcessConsole } from '../support/console-in-process';
import { startConsoleInProcess } from '../support/in-process-console';
import { rawRequest } from '../support/raw-request';

/**
 * What a hostile or unlucky client meets at the console, as it runs in production (runService), in this
 * process, on a real PostgreSQL: unreadable input never becomes a 500, a username under attack is blocked
 * from every address alike, addresses come through the one trusted proxy, and a live stream ends with its
 * credential.
 */
jest.setTimeout(120_000);

const ROOT = { username: 'root.admin', password: 'root-admin-passphrase' };
const database = new OwnTestDatabase('hardening');
let consoleApp: InProcessConsole;
let root: StaffTokens;

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const response = await fetch(`${consoleApp.url}${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  };
}

beforeAll(async () => {
  const url = await database.create();
  consoleApp = await startConsoleInProcess({
    DATABASE_URL: url,
    CONSOLE_ADMIN_USERNAME: ROOT.username,
    CONSOLE_ADMIN_PASSWORD: ROOT.password,
    CONSOLE_RATE_LIMIT_SIGN_IN: '1000/60',
    CONSOLE_LIVE_HEARTBEAT_MS: '200',
    TRUST_PROXY: '1',
  });
  root = await loginStaff(consoleApp.url, ROOT.username, ROOT.password);
});

afterAll(async () => {
  await consoleApp?.stop();
  await database.drop();
});

describe('input PostgreSQL cannot hold as text', () => {
  it('never answers 500: 401 for credentials that are no one, 404 for ids that are nobody, 400 for the rest', async () => {
    const token = (credentials: string) =>
      call('POST', '/api/v1/auth/token', {
        body: { grant_type: 'client_credentials' },
        headers: { authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
      });
    expect((await token('\0:x')).status).toBe(401);
    expect((await token('sys%00x:secret')).status).toBe(401);
    expect((await token('sys\u00ffx:secret')).status).toBe(401);

    const admin: [string, string] = ['Authorization', `Bearer ${root.accessToken}`];
    expect(
      (await call('POST', '/api/v1/admin/systems/no%20such%20id/rotate', { token: root.accessToken })).status,
    ).toBe(404);
    expect(
      (await call('POST', '/api/v1/admin/systems/nobody/revoke', { token: root.accessToken })).status,
    ).toBe(404);
    expect(
      (
        await call('POST', '/api/v1/admin/users/not-a-uuid/password', {
          token: root.accessToken,
          body: { password: 'long-enough-passphrase' },
        })
      ).status,
    ).toBe(404);

    const nul = await rawRequest(consoleApp.url, 'POST', '/api/v1/admin/systems/%00/rotate', [admin]);
    expect(nul.status).toBe(400);
    expect(nul.body).toMatchObject({
      code: 'invalid-request',
      fieldErrors: [{ field: 'url', code: 'invalidCharacters' }],
    });
    const notUtf8 = await rawRequest(
      consoleApp.url,
      'PATCH',
      Buffer.from('/api/v1/admin/users/\xff', 'latin1'),
      [admin],
    );
    expect(notUtf8.status).toBe(400);
    const escaped = await rawRequest(consoleApp.url, 'GET', '/api/v1/admin/audit?actor=%C3%28', [admin]);
    expect(escaped.status).toBe(400);
    const header = await rawRequest(consoleApp.url, 'GET', '/api/v1/admin/users', [
      admin,
      ['Accept-Language', Buffer.from([0x6b, 0x6b, 0xff])],
    ]);
    expect(header.body).toMatchObject({ fieldErrors: [{ field: 'headers.accept-language' }] });
    expect(
      (await call('GET', '/api/v1/admin/audit?from=0000-01-01T00:00:00Z', { token: root.accessToken }))
        .status,
    ).toBe(400);
  });
});

describe('failed logins per username', () => {
  const attempt = (username: string, password: string, address: string) =>
    call('POST', '/api/v1/auth/login', {
      body: { username, password },
      headers: { 'x-forwarded-for': address },
    });

  it('block the username from every address after 5 failures, the same for a username nobody has; a success resets the count', async () => {
    const user = { username: 'target.admin', password: 'target-admin-passphrase', role: 'admin' as const };
    await createStaffUser(consoleApp.url, root.accessToken, user);

    for (let index = 0; index < 4; index += 1)
      expect((await attempt(user.username, 'wrong-guess', `198.51.100.${index}`)).status).toBe(401);
    expect((await attempt(user.username, user.password, '198.51.100.9')).status).toBe(200);

    const answers: Answer[] = [];
    for (const username of [user.username, 'nobody.has.this']) {
      for (let index = 0; index < 5; index += 1)
        expect((await attempt(username, 'wrong-guess', `203.0.113.${index}`)).status).toBe(401);
      answers.push(await attempt(username, username === user.username ? user.password : 'x', '203.0.113.99'));
    }
    for (const blocked of answers) {
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(answers[0].body).toEqual(answers[1].body);
  });

  it("audit the client's address as the trusted proxy saw it", async () => {
    await attempt('whoever', 'wrong-guess', '192.0.2.77');
    const audit = await call('GET', '/api/v1/admin/audit?action=login.failed&actor=192.0.2.77', {
      token: root.accessToken,
    });
    expect(audit.status).toBe(200);
    expect((audit.body.items as unknown[]).length).toBe(1);
  });
});

describe('the live stream', () => {
  it('ends when its session is logged out', async () => {
    const { tokens } = await staffWithToken(consoleApp.url, root.accessToken, {
      username: 'live.operator',
      password: 'live-operator-passphrase',
      role: 'operator',
      organizationId: 'akimat-almaty',
    });
    const stream = await fetch(`${consoleApp.url}/api/v1/live`, {
      headers: { authorization: `Bearer ${tokens.accessToken}`, accept: 'text/event-stream' },
    });
    expect(stream.status).toBe(200);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let received = '';
    while (!received.includes('heartbeat')) received += decoder.decode((await reader.read()).value);

    expect((await call('POST', '/api/v1/auth/logout', { token: tokens.accessToken })).status).toBe(204);
    let done = false;
    while (!done) ({ done } = await reader.read());
    expect(done).toBe(true);
  });
});
