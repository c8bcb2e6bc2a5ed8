import { AccessTokens, EventTypes, Topics, type AppealRegisteredData } from '@app/contracts';
import {
  createStaffUser,
  createSystem,
  loginStaff,
  OwnTestDatabase,
  submittedAppeal,
  systemAccessToken,
  type StaffTokens,
} from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AccessTokenVerifier } from '../../apps/console/src/access/access-token-verifier';
import type { InProcessConsole } from '../support/console-in-process';
import { startConsoleInProcess } from '../support/in-process-console';
import { startIntakeInProcess, type InProcessIntake } from '../support/in-process-intake';

/**
 * Who is who, as a client meets it: the console and intake as they run in production, in this process, on a
 * real PostgreSQL and Kafka; intake checks systems' tokens against the console's JWKS over HTTP.
 */
jest.setTimeout(120_000);

const ROOT = { username: 'root.admin', password: 'root-admin-passphrase' };
const SIGN_IN_LIMIT = 12;
const CALLER_LIMIT = 40;

const database = new OwnTestDatabase('identity');
let consoleApp: InProcessConsole;
let intake: InProcessIntake;
let root: StaffTokens;

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

async function call(method: string, url: string, token?: string, body?: unknown): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: response.headers,
  };
}

const consoleCall = (method: string, path: string, token?: string, body?: unknown) =>
  call(method, `${consoleApp.url}${path}`, token, body);

function submit(token: string, idempotencyKey: string): Promise<Answer> {
  return fetch(`${intake.baseUrl}/api/v1/appeals`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': idempotencyKey,
    },
    body: JSON.stringify(submittedAppeal()),
  }).then(async (response) => ({
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  }));
}

const WRONG_LOGIN = {
  statusCode: 401,
  error: 'Unauthorized',
  code: 'invalid-credentials',
  message: 'the login or password is wrong',
};

beforeAll(async () => {
  const url = await database.create();
  consoleApp = await startConsoleInProcess({
    DATABASE_URL: url,
    CONSOLE_ADMIN_USERNAME: ROOT.username,
    CONSOLE_ADMIN_PASSWORD: ROOT.password,
    CONSOLE_RATE_LIMIT_SIGN_IN: `${SIGN_IN_LIMIT}/60`,
    CONSOLE_RATE_LIMIT: `${CALLER_LIMIT}/60`,
  });
  intake = await startIntakeInProcess('console-identity-test', {
    DATABASE_URL: url,
    INTAKE_JWKS_URL: consoleApp.jwksUrl,
    INTAKE_TOKEN_ISSUER: AccessTokens.issuer,
    INTAKE_RATE_LIMIT_TRACKING: '3/60',
  });
  root = await loginStaff(consoleApp.url, ROOT.username, ROOT.password);
});

afterAll(async () => {
  await intake?.stop();
  await consoleApp?.stop();
  await database.drop();
});

describe('staff sessions', () => {
  it('log in, call a protected route, refresh, log out; then the tokens answer 401', async () => {
    const admin = { username: 'Second.Admin', password: 'second-admin-passphrase', role: 'admin' as const };
    await createStaffUser(consoleApp.url, root.accessToken, admin);
    const login = await loginStaff(consoleApp.url, 'second.admin', admin.password);
    expect(login).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      tokenType: 'Bearer',
    });
    expect((await consoleCall('GET', '/api/v1/admin/users', login.accessToken)).status).toBe(200);

    const refreshed = await consoleCall('POST', '/api/v1/auth/refresh', undefined, {
      refreshToken: login.refreshToken,
    });
    expect(refreshed.status).toBe(200);
    const next = refreshed.body as unknown as StaffTokens;
    expect(next.refreshToken).not.toBe(login.refreshToken);
    expect((await consoleCall('GET', '/api/v1/admin/users', next.accessToken)).status).toBe(200);

    expect((await consoleCall('POST', '/api/v1/auth/logout', next.accessToken)).status).toBe(204);
    for (const token of [next.accessToken, login.accessToken]) {
      const after = await consoleCall('GET', '/api/v1/admin/users', token);
      expect(after.status).toBe(401);
      expect(after.body).toMatchObject({ code: 'invalid-token' });
    }
    expect(
      (await consoleCall('POST', '/api/v1/auth/refresh', undefined, { refreshToken: next.refreshToken }))
        .status,
    ).toBe(401);
  });

  it('revoke the whole session when a spent refresh token comes back, unless it was spent a moment ago', async () => {
    const first = await loginStaff(consoleApp.url, ROOT.username, ROOT.password);
    const second = (
      await consoleCall('POST', '/api/v1/auth/refresh', undefined, { refreshToken: first.refreshToken })
    ).body as unknown as StaffTokens;

    // A second tab refreshing with the same token at once: refused, the session lives on.
    const race = await consoleCall('POST', '/api/v1/auth/refresh', undefined, {
      refreshToken: first.refreshToken,
    });
    expect(race.status).toBe(401);
    expect((await consoleCall('GET', '/api/v1/admin/users', second.accessToken)).status).toBe(200);

    await consoleApp.app
      .get(DataSource)
      .query(
        `UPDATE console.refresh_token SET used_at = used_at - interval '1 minute' WHERE used_at IS NOT NULL`,
      );
    const replay = await consoleCall('POST', '/api/v1/auth/refresh', undefined, {
      refreshToken: first.refreshToken,
    });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('invalid-token');
    // The thief's copy and the owner's newer tokens alike: the family is gone.
    expect(
      (await consoleCall('POST', '/api/v1/auth/refresh', undefined, { refreshToken: second.refreshToken }))
        .status,
    ).toBe(401);
    expect((await consoleCall('GET', '/api/v1/admin/users', second.accessToken)).status).toBe(401);
    expect((await consoleCall('GET', '/api/v1/admin/users', root.accessToken)).status).toBe(200);
  });

  it('answer a wrong password, an unknown username and a disabled account with the same 401', async () => {
    const operator = {
      username: 'operator.almaty',
      password: 'operator-passphrase',
      role: 'operator' as const,
      organizationId: 'akimat-almaty',
    };
    const operatorId = await createStaffUser(consoleApp.url, root.accessToken, operator);
    const session = await loginStaff(consoleApp.url, operator.username, operator.password);
    // An operator is someone, but not an admin: 403, unlike the 401 of no one.
    expect((await consoleCall('GET', '/api/v1/admin/users', session.accessToken)).status).toBe(403);

    const wrong = await consoleCall('POST', '/api/v1/auth/login', undefined, {
      username: operator.username,
      password: 'not-the-password',
    });
    const unknown = await consoleCall('POST', '/api/v1/auth/login', undefined, {
      username: 'nobody.here',
      password: 'not-the-password',
    });
    expect(wrong).toMatchObject({ status: 401, body: WRONG_LOGIN });
    expect(unknown).toMatchObject({ status: 401, body: WRONG_LOGIN });

    const disabled = await consoleCall('PATCH', `/api/v1/admin/users/${operatorId}`, root.accessToken, {
      disabled: true,
    });
    expect(disabled).toMatchObject({ status: 200, body: { disabled: true } });
    // Disabling ends the sessions at once, and the right password no longer logs in.
    expect((await consoleCall('POST', '/api/v1/auth/logout', session.accessToken)).status).toBe(401);
    const refused = await consoleCall('POST', '/api/v1/auth/login', undefined, {
      username: operator.username,
      password: operator.password,
    });
    expect(refused).toMatchObject({ status: 401, body: WRONG_LOGIN });

    const audit = await consoleCall('GET', '/api/v1/admin/audit?action=login.failed', root.accessToken);
    expect(audit.status).toBe(200);
    const reasons = (audit.body.items as Array<{ detail: { reason: string } }>).map(
      (entry) => entry.detail.reason,
    );
    expect(reasons).toEqual(
      expect.arrayContaining(['wrong-password', 'unknown-username', 'account-disabled']),
    );
    const everything = JSON.stringify(
      (await consoleCall('GET', '/api/v1/admin/audit?limit=200', root.accessToken)).body,
    );
    expect(everything).not.toContain(operator.password);
    expect(everything).not.toContain('not-the-password');
    expect(everything).toContain('"action":"user.update"');
  });

  it('refuse bad input with 400 naming each field', async () => {
    const answer = await consoleCall('POST', '/api/v1/admin/users', root.accessToken, {
      username: 'x',
      password: 'short',
      role: 'supervisor',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.fieldErrors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'username', reason: expect.any(String) })]),
    );
    const policy = await consoleCall('POST', '/api/v1/admin/users', root.accessToken, {
      username: 'supervisor.almaty',
      password: 'short',
      role: 'supervisor',
    });
    expect(policy.body.fieldErrors).toEqual([
      expect.objectContaining({ field: 'password', reason: 'password must be at least 12 characters long' }),
      expect.objectContaining({
        field: 'regionKato',
        reason: 'a supervisor oversees one region: regionKato is required',
      }),
    ]);
    // The same refusal for a Kazakh-speaking admin: each field's message in Kazakh.
    const inKazakh = await fetch(`${consoleApp.url}/api/v1/admin/users`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${root.accessToken}`,
        'content-type': 'application/json',
        'accept-language': 'kk',
      },
      body: JSON.stringify({ username: 'supervisor.almaty', password: 'short', role: 'supervisor' }),
    });
    expect(((await inKazakh.json()) as { fieldErrors: unknown[] }).fieldErrors).toEqual([
      expect.objectContaining({
        field: 'password',
        code: 'passwordTooShort',
        message: '«password» өрісі: құпиясөз кемінде 12 таңбадан тұруы керек.',
      }),
      expect.objectContaining({
        field: 'regionKato',
        code: 'regionRequired',
        message: 'Жетекші бір өңірді қадағалайды: «regionKato» өрісін толтыру міндетті.',
      }),
    ]);
    expect((await consoleCall('GET', '/api/v1/admin/audit?from=yesterday', root.accessToken)).status).toBe(
      400,
    );
    expect(
      (await consoleCall('PATCH', '/api/v1/admin/users/not-an-id', root.accessToken, { disabled: true }))
        .status,
    ).toBe(404);
  });
});

describe('external systems', () => {
  let portal: { clientId: string; clientSecret: string };

  beforeAll(async () => {
    portal = await createSystem(consoleApp.url, root.accessToken, {
      name: 'eGov portal',
      source: 'urn:portal:egov',
    });
  });

  it("submit appeals to intake with the console's token: the token decides the source, and scopes the Idempotency-Key", async () => {
    const other = await createSystem(consoleApp.url, root.accessToken, {
      name: 'Call centre',
      source: 'urn:callcentre:1414',
    });
    const key = `shared-key-${randomUUID()}`;
    const fromPortal = await submit(
      await systemAccessToken(consoleApp.url, portal.clientId, portal.clientSecret),
      key,
    );
    const fromCallCentre = await submit(
      await systemAccessToken(consoleApp.url, other.clientId, other.clientSecret),
      key,
    );
    expect(fromPortal.status).toBe(201);
    expect(fromCallCentre.status).toBe(201);
    expect(fromCallCentre.body.id).not.toBe(fromPortal.body.id);

    const registered = await intake.tap.waitFor<AppealRegisteredData>(
      Topics.events,
      'registered of the portal',
      (event) => event.type === EventTypes.registered && event.data.appealId === fromPortal.body.id,
    );
    expect(registered.event.data).toMatchObject({ source: 'urn:portal:egov', sourceEventId: key });
  });

  it('answer 401 at intake without a token, with a staff token, or with a forged one', async () => {
    const unsigned = await fetch(`${intake.baseUrl}/api/v1/appeals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(submittedAppeal()),
    });
    expect(unsigned.status).toBe(401);
    expect((await submit(root.accessToken, randomUUID())).status).toBe(401);
    const token = await systemAccessToken(consoleApp.url, portal.clientId, portal.clientSecret);
    expect((await submit(`${token.slice(0, -4)}AAAA`, randomUUID())).status).toBe(401);
  });

  it('stop working at the console at once when rotated or revoked; the old secret gets no token', async () => {
    const verifier = consoleApp.app.get(AccessTokenVerifier);
    const system = await createSystem(consoleApp.url, root.accessToken, {
      name: 'Agency',
      source: 'urn:agency:7',
    });
    const before = await systemAccessToken(consoleApp.url, system.clientId, system.clientSecret);
    expect(await verifier.verify(before)).toEqual({
      kind: 'system',
      clientId: system.clientId,
      source: 'urn:agency:7',
    });

    const rotated = await consoleCall(
      'POST',
      `/api/v1/admin/systems/${system.clientId}/rotate`,
      root.accessToken,
    );
    expect(rotated).toMatchObject({
      status: 200,
      body: { secretVersion: 2, clientSecret: expect.any(String) },
    });
    await expect(verifier.verify(before)).rejects.toThrow('the token is no longer valid');
    await expect(systemAccessToken(consoleApp.url, system.clientId, system.clientSecret)).rejects.toThrow(
      /401/,
    );
    const after = await systemAccessToken(
      consoleApp.url,
      system.clientId,
      rotated.body.clientSecret as string,
    );
    expect(await verifier.verify(after)).toMatchObject({ clientId: system.clientId });

    const revoked = await consoleCall(
      'POST',
      `/api/v1/admin/systems/${system.clientId}/revoke`,
      root.accessToken,
    );
    expect(revoked).toMatchObject({ status: 200, body: { revokedAt: expect.any(String) } });
    await expect(verifier.verify(after)).rejects.toThrow('the token is no longer valid');
    await expect(
      systemAccessToken(consoleApp.url, system.clientId, rotated.body.clientSecret as string),
    ).rejects.toThrow(/401/);
    const listed = await consoleCall('GET', '/api/v1/admin/systems', root.accessToken);
    expect(JSON.stringify(listed.body)).not.toContain(rotated.body.clientSecret as string);
  });

  it('take HTTP Basic client authentication and a form body at the token endpoint', async () => {
    const response = await fetch(`${consoleApp.url}/api/v1/auth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${portal.clientId}:${portal.clientSecret}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 300,
    });
  });
});

describe('rate limits', () => {
  it('answer 429 with Retry-After after too many sign-in attempts from one address', async () => {
    const statuses: number[] = [];
    let limited: Answer | undefined;
    for (let attempt = 0; attempt <= SIGN_IN_LIMIT && !limited; attempt += 1) {
      const answer = await consoleCall('POST', '/api/v1/auth/token', undefined, {
        grant_type: 'client_credentials',
        client_id: 'guessing',
        client_secret: `guess-${attempt}`,
      });
      if (answer.status === 429) limited = answer;
      else statuses.push(answer.status);
    }
    expect(new Set(statuses)).toEqual(new Set([401]));
    expect(limited?.body).toMatchObject({ statusCode: 429, code: 'rate-limited' });
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('count per credential: one busy account does not hold up another', async () => {
    const busy = { username: 'busy.admin', password: 'busy-admin-passphrase', role: 'admin' as const };
    await createStaffUser(consoleApp.url, root.accessToken, busy);
    const session = await loginStaff(consoleApp.url, busy.username, busy.password);
    let status = 200;
    for (let call = 0; call <= CALLER_LIMIT && status === 200; call += 1)
      status = (await consoleCall('GET', '/api/v1/admin/users?limit=1', session.accessToken)).status;
    expect(status).toBe(429);
    expect((await consoleCall('GET', '/api/v1/admin/users?limit=1', root.accessToken)).status).toBe(200);
  });

  it("keep intake's public tracking route to its own limit per address", async () => {
    const statuses: number[] = [];
    for (let call = 0; call < 4; call += 1)
      statuses.push((await fetch(`${intake.baseUrl}/api/v1/appeals/track/KZ-2026-AAAA-BBBB`)).status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });
});

describe('OpenAPI', () => {
  it('describes the security schemes of the console and of intake', async () => {
    const consoleDocs = (await (await fetch(`${consoleApp.url}/docs-json`)).json()) as {
      components: { securitySchemes: Record<string, { type: string }> };
    };
    expect(consoleDocs.components.securitySchemes).toMatchObject({
      bearer: { type: 'http' },
      clientCredentials: { type: 'oauth2' },
    });
    const intakeDocs = (await (await fetch(`${intake.baseUrl}/docs-json`)).json()) as {
      components: { securitySchemes: Record<string, { type: string }> };
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    expect(intakeDocs.components.securitySchemes.systemToken).toMatchObject({
      type: 'http',
      scheme: 'bearer',
    });
    expect(intakeDocs.paths['/api/v1/appeals'].post.security).toEqual([{ systemToken: [] }]);
    expect(intakeDocs.paths['/api/v1/appeals/track/{trackingNumber}'].get.security).toBeUndefined();
  });
});
