/**
 * Tokens from a running console, over its HTTP API (as a client would get them): staff log in, admins make
 * accounts and systems, systems exchange their credentials. For a console started with CONSOLE_DEMO=1 the demo
 * accounts of the README exist; otherwise start it with CONSOLE_ADMIN_USERNAME/PASSWORD and build from there.
 */

export interface StaffTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  tokenType: 'Bearer';
}

export interface NewStaffUser {
  username: string;
  password: string;
  role: 'operator' | 'supervisor' | 'central-reception' | 'admin';
  organizationId?: string;
  regionKato?: string;
  /** The language of the account's in-app messages; the console's default when left out. */
  language?: 'kk' | 'ru' | 'en';
}

async function postJson<T>(url: string, body: unknown, token?: string): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${new URL(url).pathname} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

export function loginStaff(consoleUrl: string, username: string, password: string): Promise<StaffTokens> {
  return postJson(`${consoleUrl}/api/v1/auth/login`, { username, password });
}

/** Creates the account with an admin's token; answers its id. */
export async function createStaffUser(
  consoleUrl: string,
  adminToken: string,
  user: NewStaffUser,
): Promise<string> {
  return (await postJson<{ id: string }>(`${consoleUrl}/api/v1/admin/users`, user, adminToken)).id;
}

/** Creates the account and logs it in. */
export async function staffWithToken(
  consoleUrl: string,
  adminToken: string,
  user: NewStaffUser,
): Promise<{ userId: string; tokens: StaffTokens }> {
  const userId = await createStaffUser(consoleUrl, adminToken, user);
  return { userId, tokens: await loginStaff(consoleUrl, user.username, user.password) };
}

/** Registers an external system with an admin's token: its client id and secret (shown once). */
export function createSystem(
  consoleUrl: string,
  adminToken: string,
  system: { name: string; source: string },
): Promise<{ clientId: string; clientSecret: string; source: string }> {
  return postJson(`${consoleUrl}/api/v1/admin/systems`, system, adminToken);
}

/** OAuth2 client credentials at the console: a system's access token (for the console and intake). */
export async function systemAccessToken(
  consoleUrl: string,
  clientId: string,
  clientSecret: string,
): Promise<string> {
  const response = await fetch(`${consoleUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST /api/v1/auth/token answered ${response.status}: ${text}`);
  return (JSON.parse(text) as { access_token: string }).access_token;
}
