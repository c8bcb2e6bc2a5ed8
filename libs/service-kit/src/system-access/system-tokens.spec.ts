import { AccessTokens } from '@app/contracts';
import { TestTokenIssuer } from '@app/testing';
import { HttpException } from '@nestjs/common';
import { systemAccessConfigFromEnv } from './system-access-config';
import { SystemTokens } from './system-tokens';

let console: TestTokenIssuer;
let intake: SystemTokens;

beforeAll(async () => {
  console = await TestTokenIssuer.start();
  intake = new SystemTokens(
    systemAccessConfigFromEnv('INTAKE', AccessTokens.audiences.intake, console.intakeEnv()),
  );
});

afterAll(() => console.stop());

async function status(systems: SystemTokens, token: string): Promise<number> {
  const error = await systems.verify(token).catch((failure: unknown) => failure);
  return error instanceof HttpException ? error.getStatus() : 0;
}

describe('SystemTokens', () => {
  it("takes a system's token from the console's JWKS: its source is the system's source", async () => {
    expect(await intake.verify(await console.systemToken('urn:portal:egov', { clientId: 'egov' }))).toEqual({
      kind: 'system',
      clientId: 'egov',
      source: 'urn:portal:egov',
    });
  });

  it('refuses an expired token, a staff token (no source), and one not meant for this service', async () => {
    expect(
      await status(intake, await console.systemToken('urn:portal:egov', { expiresInSeconds: -30 })),
    ).toBe(401);
    const sign = (claims: Record<string, unknown>, audience: string) =>
      console.sign(claims, { subject: 'x', issuer: AccessTokens.issuer, audience, expiresInSeconds: 60 });
    expect(await status(intake, await sign({ role: 'admin', sid: 's' }, AccessTokens.audiences.intake))).toBe(
      401,
    );
    expect(
      await status(intake, await sign({ source: 'urn:portal:egov' }, AccessTokens.audiences.console)),
    ).toBe(401);
    expect(await status(intake, await console.staffToken({ sub: 'u', role: 'admin' }))).toBe(401);
    const notification = new SystemTokens(
      systemAccessConfigFromEnv(
        'NOTIFICATION',
        AccessTokens.audiences.notification,
        console.notificationEnv(),
      ),
    );
    expect(
      await status(notification, await sign({ source: 'urn:portal:egov' }, AccessTokens.audiences.intake)),
    ).toBe(401);
    expect(await status(notification, await console.systemToken('urn:portal:egov'))).toBe(0);
  });

  it("answers 503 while the console's keys cannot be fetched, so the system retries", async () => {
    const blind = new SystemTokens(
      systemAccessConfigFromEnv('INTAKE', AccessTokens.audiences.intake, {
        INTAKE_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json',
      }),
    );
    expect(
      await blind
        .verify(await console.systemToken('urn:portal:egov'))
        .catch((error: HttpException) => error.getStatus()),
    ).toBe(503);
  });
});

describe('systemAccessConfigFromEnv', () => {
  it('will not start without the JWKS URL, names the variable, and takes the issuer', () => {
    expect(() => systemAccessConfigFromEnv('NOTIFICATION', 'aud', {})).toThrow(
      /NOTIFICATION_JWKS_URL must name/,
    );
    expect(() => systemAccessConfigFromEnv('INTAKE', 'aud', { INTAKE_JWKS_URL: 'ftp://x' })).toThrow(
      /INTAKE_JWKS_URL must be an http\(s\) URL/,
    );
    expect(
      systemAccessConfigFromEnv('NOTIFICATION', 'aud', {
        NOTIFICATION_JWKS_URL: 'http://console:3005/.well-known/jwks.json',
        NOTIFICATION_TOKEN_ISSUER: 'https://id.example',
      }),
    ).toEqual({
      jwksUrl: new URL('http://console:3005/.well-known/jwks.json'),
      issuer: 'https://id.example',
      audience: 'aud',
    });
  });
});
