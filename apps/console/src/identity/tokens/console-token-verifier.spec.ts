import { AccessTokens } from '@app/contracts';
import { decodeJwt, decodeProtectedHeader, SignJWT } from 'jose';
import { InvalidCredentialsError } from '../../access/access-token-verifier';
import type { StaffPrincipal, SystemPrincipal } from '../../access/principal';
import { AccessTokenIssuer } from './access-token-issuer';
import { ConsoleTokenVerifier } from './console-token-verifier';
import { CredentialStatus } from './credential-status';
import { loadSigningKeys, type SigningKeys } from './signing-keys';

const ISSUER = AccessTokens.issuer;
const SETTINGS = { issuer: ISSUER, accessTokenTtlMs: 15 * 60_000, systemTokenTtlMs: 5 * 60_000 };
const OPERATOR: StaffPrincipal = {
  kind: 'staff',
  userId: '6f1c9a52-1d8e-4a51-9b8e-0a4f3f1e2c11',
  role: 'operator',
  organizationId: 'akimat-almaty',
};
const SESSION = '0b8f2c2e-5d43-4c1b-8f9a-1d2e3f4a5b6c';
const PORTAL: SystemPrincipal = { kind: 'system', clientId: 'portal', source: 'urn:portal:egov' };

/** Live credentials as the database would say: a set of live sessions and systems at their secret version. */
class FakeStatus extends CredentialStatus {
  readonly sessions = new Map<string, StaffPrincipal>();
  readonly systems = new Map<string, { principal: SystemPrincipal; version: number }>();

  staffOfSession(sessionId: string, userId: string): Promise<StaffPrincipal | undefined> {
    const staff = this.sessions.get(sessionId);
    return Promise.resolve(staff?.userId === userId ? staff : undefined);
  }

  systemOf(clientId: string, secretVersion: number): Promise<SystemPrincipal | undefined> {
    const system = this.systems.get(clientId);
    return Promise.resolve(system?.version === secretVersion ? system.principal : undefined);
  }
}

let keys: SigningKeys;
let status: FakeStatus;
let issuer: AccessTokenIssuer;
let verifier: ConsoleTokenVerifier;

beforeAll(async () => {
  keys = await loadSigningKeys({});
});

beforeEach(() => {
  status = new FakeStatus();
  status.sessions.set(SESSION, OPERATOR);
  status.systems.set(PORTAL.clientId, { principal: PORTAL, version: 1 });
  issuer = new AccessTokenIssuer(keys, SETTINGS);
  verifier = new ConsoleTokenVerifier(keys, ISSUER, status);
});

function staffToken(now = new Date()): Promise<string> {
  return issuer
    .staffToken(
      {
        userId: OPERATOR.userId,
        role: 'operator',
        organizationId: 'akimat-almaty',
        regionKato: null,
        sessionId: SESSION,
      },
      now,
    )
    .then((issued) => issued.token);
}

async function refusal(token: string): Promise<string> {
  const error = await verifier.verify(token).then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(InvalidCredentialsError);
  return (error as Error).message;
}

describe('staff access tokens', () => {
  it('carry the user, role, organisation and session, with a key id, for 15 minutes', async () => {
    const issued = await issuer.staffToken({
      userId: OPERATOR.userId,
      role: 'operator',
      organizationId: 'akimat-almaty',
      regionKato: null,
      sessionId: SESSION,
    });
    expect(issued.expiresIn).toBe(900);
    expect(decodeProtectedHeader(issued.token)).toEqual({ alg: 'ES256', kid: keys.kid, typ: 'at+jwt' });
    const claims = decodeJwt(issued.token);
    expect(claims).toMatchObject({
      iss: ISSUER,
      aud: AccessTokens.audiences.console,
      sub: OPERATOR.userId,
      role: 'operator',
      org: 'akimat-almaty',
      sid: SESSION,
    });
    expect(claims.exp! - claims.iat!).toBe(900);
    expect(claims).not.toHaveProperty('region');
  });

  it('verify to the member of staff as the account is now', async () => {
    expect(await verifier.verify(await staffToken())).toEqual(OPERATOR);
    status.sessions.set(SESSION, { ...OPERATOR, organizationId: 'akimat-astana' });
    expect(await verifier.verify(await staffToken())).toMatchObject({ organizationId: 'akimat-astana' });
  });

  it('stop working once expired', async () => {
    const token = await staffToken(new Date(Date.now() - 16 * 60_000));
    expect(await refusal(token)).toBe('the token has expired');
  });

  it('stop working at once when their session is revoked (logout, disabled account, refresh reuse)', async () => {
    const token = await staffToken();
    status.sessions.delete(SESSION);
    expect(await refusal(token)).toBe('the token is no longer valid');
  });

  it('are refused when signed by another key, even with the same key id', async () => {
    const stranger = await loadSigningKeys({});
    const forged = await new AccessTokenIssuer({ ...stranger, kid: keys.kid }, SETTINGS).staffToken({
      userId: OPERATOR.userId,
      role: 'admin',
      organizationId: null,
      regionKato: null,
      sessionId: SESSION,
    });
    expect(await refusal(forged.token)).toBe('the token is invalid');
  });

  it('are refused when altered, unsigned, of another type or for another audience', async () => {
    const token = await staffToken();
    const [header, payload, signature] = token.split('.');
    const raised = Buffer.from(JSON.stringify({ ...decodeJwt(token), role: 'admin' })).toString('base64url');
    expect(await refusal(`${header}.${raised}.${signature}`)).toBe('the token is invalid');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).toString('base64url');
    expect(await refusal(`${none}.${payload}.`)).toBe('the token is invalid');

    const now = Math.floor(Date.now() / 1000);
    const sign = (typ: string, audience: string) =>
      new SignJWT({ role: 'operator', sid: SESSION })
        .setProtectedHeader({ alg: 'ES256', kid: keys.kid, typ })
        .setIssuer(ISSUER)
        .setSubject(OPERATOR.userId)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(now + 60)
        .sign(keys.privateKey);
    expect(await refusal(await sign('JWT', AccessTokens.audiences.console))).toBe('the token is invalid');
    expect(await refusal(await sign('at+jwt', AccessTokens.audiences.intake))).toBe('the token is invalid');
    expect(await verifier.verify(await sign('at+jwt', AccessTokens.audiences.console))).toEqual(OPERATOR);
  });
});

describe('system access tokens', () => {
  it('carry the client id and source, for the console and intake, for 5 minutes', async () => {
    const issued = await issuer.systemToken({
      clientId: 'portal',
      source: 'urn:portal:egov',
      secretVersion: 1,
    });
    expect(issued.expiresIn).toBe(300);
    expect(decodeJwt(issued.token)).toMatchObject({
      sub: 'portal',
      client_id: 'portal',
      source: 'urn:portal:egov',
      aud: [
        AccessTokens.audiences.console,
        AccessTokens.audiences.intake,
        AccessTokens.audiences.notification,
      ],
    });
    expect(await verifier.verify(issued.token)).toEqual(PORTAL);
  });

  it('stop working at the console at once when the credential is revoked or its secret rotated', async () => {
    const issued = await issuer.systemToken({
      clientId: 'portal',
      source: 'urn:portal:egov',
      secretVersion: 1,
    });
    status.systems.set('portal', { principal: PORTAL, version: 2 });
    expect(await refusal(issued.token)).toBe('the token is no longer valid');
    status.systems.delete('portal');
    expect(await refusal(issued.token)).toBe('the token is no longer valid');
  });
});
