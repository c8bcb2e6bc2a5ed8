import { Duration } from 'luxon';

/** АППК art. 76: an extension ends at most two months after the level's original deadline. */
export const LEGAL_EXTENSION_LIMIT = 'P2M';

/**
 * How far beyond the level's original deadline an extension may go: `CONSOLE_EXTENSION_LIMIT`, an ISO-8601
 * duration (default P2M). It must agree with escalation's `legal_rule` `extension-limit`, which decides: the
 * console only refuses early what escalation would refuse (`action-refused`, which the case's timeline shows).
 * A bad value stops the console at start with a message naming the variable.
 */
export function extensionLimitFromEnv(env: NodeJS.ProcessEnv = process.env): Duration {
  const text = env.CONSOLE_EXTENSION_LIMIT?.trim() || LEGAL_EXTENSION_LIMIT;
  const limit = Duration.fromISO(text);
  const units = Object.values(limit.toObject());
  if (!limit.isValid || units.some((value) => value < 0) || units.every((value) => value === 0))
    throw new Error(
      `CONSOLE_EXTENSION_LIMIT must be a positive ISO-8601 duration such as P2M or P60D, got "${text}"`,
    );
  return limit;
}
