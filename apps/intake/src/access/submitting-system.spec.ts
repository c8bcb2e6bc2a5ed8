import { AccessTokens } from '@app/contracts';
import { TestTokenIssuer } from '@app/testing';
import { HttpException } from '@nestjs/common';
import { intakeAccessConfigFromEnv } from './intake-access-config';
import { SubmittingSystems } from './submitting-system';

let console: TestTokenIssuer;
let systems: SubmittingSystems;

beforeAll(async () => {
  console = await TestTokenIssuer.start();
  systems = new SubmittingSystems(intakeAccessConfigFromEnv(console.intakeEnv()));
});

afterAll(() => console.stop());

async function status(token: string): Promise<number> {
  const error = await systems.verify(token).catch((failure: unknown) => failure);
  return error instanceof HttpException ? error.getStatus() : 0;
}

describe('SubmittingSystems', () => {
  it("takes a system's token from the console's JWKS: its source is the appeal's source", async () => {
    expect(await systems.verify(await console.systemToken('urn:portal:egov', { clientId: 'egov' }))).toEqual({
      kind: 'system',
      clientId: 'egov',
      source: 'urn:portal:egov',
    });
  });

  it('refuses an expired token, a staff token (no source), and one not meant for intake', async () => {
    expect(await status(await console.systemToken('urn:portal:egov', { expiresInSeconds: -30 }))).toBe(401);
    const sign = (claims: Record<string, unknown>, audience: string) =>
      console.sign(claims, { subject: 'x', issuer: AccessTokens.issuer, audience, expiresInSeconds: 60 });
    expect(await status(await sign({ role: 'admin', sid: 's' }, AccessTokens.audiences.intake))).toBe(401);
    expect(await status(await sign({ source: 'urn:portal:egov' }, AccessTokens.audiences.console))).toBe(401);
    expect(await status(await console.staffToken({ sub: 'u', role: 'admin' }))).toBe(401);
  });

  it("answers 503 while the console's keys cannot be fetched, so the system retries", async () => {
    const blind = new SubmittingSystems(
      intakeAccessConfigFromEnv({ INTAKE_JWKS_URL: 'http://127.0.0.1:9/.well-known/jwks.json' }),
    );
    expect(
      await blind
        .verify(await console.systemToken('urn:portal:egov'))
        .catch((error: HttpException) => error.getStatus()),
    ).toBe(503);
  });
});

describe('intakeAccessConfigFromEnv', () => {
  it('will not start without the JWKS URL, and reads the limits', () => {
    expect(() => intakeAccessConfigFromEnv({})).toThrow(/INTAKE_JWKS_URL must name/);
    expect(() => intakeAccessConfigFromEnv({ INTAKE_JWKS_URL: 'ftp://x' })).toThrow(/http\(s\) URL/);
    expect(
      intakeAccessConfigFromEnv({
        INTAKE_JWKS_URL: 'http://console:3005/.well-known/jwks.json',
        INTAKE_RATE_LIMIT_TRACKING: '5/10',
      }).rateLimits.buckets,
    ).toEqual({ tracking: { limit: 5, windowMs: 10_000 } });
  });
});
