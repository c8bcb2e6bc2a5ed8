/** One username's recent failed logins, and the block they earned. */
export interface LoginThrottleState {
  failures: number;
  windowStartedAt: Date;
  blockedUntil: Date | null;
  /** Blocks earned since the last success (or a quiet day): each one lasts twice the one before. */
  blocks: number;
}

export interface LoginThrottleRules {
  /** This many failures within `windowMs` block the username. */
  maxFailures: number;
  windowMs: number;
  firstBlockMs: number;
  maxBlockMs: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** 5 failures in 15 minutes block the username for 1 minute, then 2, 4… up to an hour. */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottleRules = {
  maxFailures: 5,
  windowMs: 15 * MINUTE,
  firstBlockMs: MINUTE,
  maxBlockMs: 60 * MINUTE,
};

/** Milliseconds until the username may try again; 0 when it may now. */
export function blockedFor(state: LoginThrottleState | undefined, now: Date): number {
  if (!state?.blockedUntil) return 0;
  return Math.max(0, state.blockedUntil.getTime() - now.getTime());
}

/** The state after one more failure: counted in its window; at the limit, a block twice as long as the last. */
export function afterFailure(
  state: LoginThrottleState | undefined,
  now: Date,
  rules: LoginThrottleRules,
): LoginThrottleState {
  const lastActivity = state
    ? Math.max(state.windowStartedAt.getTime(), state.blockedUntil?.getTime() ?? 0)
    : 0;
  const blocks = state && now.getTime() - lastActivity < DAY ? state.blocks : 0;
  const inWindow = state !== undefined && now.getTime() - state.windowStartedAt.getTime() < rules.windowMs;
  const failures = inWindow ? state.failures + 1 : 1;
  const windowStartedAt = inWindow ? state.windowStartedAt : now;
  if (failures < rules.maxFailures) return { failures, windowStartedAt, blockedUntil: null, blocks };
  const blockMs = Math.min(rules.firstBlockMs * 2 ** blocks, rules.maxBlockMs);
  return {
    failures: 0,
    windowStartedAt: now,
    blockedUntil: new Date(now.getTime() + blockMs),
    blocks: blocks + 1,
  };
}
