import { rateLimitFromEnv } from './rate-limits';

describe('rateLimitFromEnv', () => {
  const fallback = { limit: 60, windowMs: 60_000 };

  it('reads requests per seconds, and the fallback when unset or blank', () => {
    expect(rateLimitFromEnv('LIMIT', fallback, { LIMIT: '10/30' })).toEqual({ limit: 10, windowMs: 30_000 });
    expect(rateLimitFromEnv('LIMIT', fallback, {})).toBe(fallback);
    expect(rateLimitFromEnv('LIMIT', fallback, { LIMIT: ' ' })).toBe(fallback);
  });

  it.each(['10', '0/60', '10/0', '-1/60', 'ten/60', '10/1m'])('refuses %s naming the variable', (value) =>
    expect(() => rateLimitFromEnv('LIMIT', fallback, { LIMIT: value })).toThrow(
      /^LIMIT must be <requests>\/<seconds>/,
    ),
  );
});
