import { AccessTokens } from '@app/contracts';
import {
  rateLimitRulesFromEnv,
  systemAccessConfigFromEnv,
  type RateLimitRules,
  type SystemAccessConfig,
} from '@app/service-kit';

/** Who may call notification's API (external systems, by the console's tokens) and how often. */
export interface NotificationAccessConfig extends SystemAccessConfig {
  rateLimits: RateLimitRules;
}

/**
 * Read once at start-up: NOTIFICATION_JWKS_URL is required (without it no system could manage its webhooks);
 * NOTIFICATION_TOKEN_ISSUER, NOTIFICATION_RATE_LIMIT and NOTIFICATION_RATE_LIMIT_ANONYMOUS are optional.
 */
export function notificationAccessConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): NotificationAccessConfig {
  return {
    ...systemAccessConfigFromEnv('NOTIFICATION', AccessTokens.audiences.notification, env),
    rateLimits: rateLimitRulesFromEnv('NOTIFICATION', {}, env),
  };
}

export const NOTIFICATION_ACCESS_CONFIG = Symbol('NOTIFICATION_ACCESS_CONFIG');
