import { AccessTokens } from '@app/contracts';
import { intakeAccessConfigFromEnv } from './intake-access-config';

describe('intakeAccessConfigFromEnv', () => {
  it("will not start without the JWKS URL, checks intake's audience, and reads the limits", () => {
    expect(() => intakeAccessConfigFromEnv({})).toThrow(/INTAKE_JWKS_URL must name/);
    expect(() => intakeAccessConfigFromEnv({ INTAKE_JWKS_URL: 'ftp://x' })).toThrow(/http\(s\) URL/);
    const config = intakeAccessConfigFromEnv({
      INTAKE_JWKS_URL: 'http://console:3005/.well-known/jwks.json',
      INTAKE_RATE_LIMIT_TRACKING: '5/10',
    });
    expect(config.audience).toBe(AccessTokens.audiences.intake);
    expect(config.rateLimits.buckets).toEqual({ tracking: { limit: 5, windowMs: 10_000 } });
  });
});
