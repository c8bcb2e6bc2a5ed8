import {
  afterFailure,
  blockedFor,
  DEFAULT_LOGIN_THROTTLE as RULES,
  type LoginThrottleState,
} from './login-throttle-rules';

const START = new Date('2026-03-02T09:00:00Z');
const at = (ms: number) => new Date(START.getTime() + ms);
const MINUTE = 60_000;

/** `count` failures one second apart from `from`, starting at `state`. */
function fail(count: number, state?: LoginThrottleState, from = START): LoginThrottleState | undefined {
  let current = state;
  for (let index = 0; index < count; index += 1)
    current = afterFailure(current, new Date(from.getTime() + index * 1000), RULES);
  return current;
}

describe('login throttling per username', () => {
  it('lets four failures in 15 minutes through and blocks the username for a minute at the fifth', () => {
    const four = fail(4);
    expect(blockedFor(four, at(4_000))).toBe(0);
    const five = fail(1, four, at(4_000));
    expect(blockedFor(five, at(4_000))).toBe(MINUTE);
    expect(blockedFor(five, at(4_000 + MINUTE))).toBe(0);
  });

  it('starts counting afresh once 15 minutes have passed since the first failure', () => {
    const four = fail(4);
    const later = afterFailure(four, at(15 * MINUTE), RULES);
    expect(later).toMatchObject({ failures: 1, blockedUntil: null });
  });

  it('doubles each further block, up to an hour', () => {
    let state = fail(5);
    const blocks: number[] = [];
    let now = at(4_000);
    for (let round = 0; round < 8; round += 1) {
      blocks.push(blockedFor(state, now) / MINUTE);
      now = state?.blockedUntil ?? now;
      state = fail(5, state, now);
      now = new Date(now.getTime() + 4_000);
    }
    expect(blocks).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
  });

  it('forgets earlier blocks after a quiet day', () => {
    const twice = fail(5, fail(5), at(MINUTE + 5_000));
    expect(twice?.blocks).toBe(2);
    const nextDay = fail(5, twice, at(25 * 60 * MINUTE));
    expect(blockedFor(nextDay, at(25 * 60 * MINUTE + 4_000))).toBe(MINUTE);
  });
});
