import { AccessTokens } from '@app/contracts';
import {
  rateLimitRulesFromEnv,
  systemAccessConfigFromEnv,
  type RateLimitRules,
  type SystemAccessConfig,
} from '@app/service-kit';

/** How intake recognises an external system (the console's tokens, INTAKE_JWKS_URL) and how often it may call. */
export interface IntakeAccessConfig extends SystemAccessConfig {
  rateLimits: RateLimitRules;
}

/** The bucket of the public tracking route: per address, stricter than a system's submissions. */
export const TRACKING_BUCKET = 'tracking';

/** Read once at start-up: without INTAKE_JWKS_URL intake would refuse every submission, so it does not start. */
export function intakeAccessConfigFromEnv(env: NodeJS.ProcessEnv = process.env): IntakeAccessConfig {
  return {
    ...systemAccessConfigFromEnv('INTAKE', AccessTokens.audiences.intake, env),
    rateLimits: rateLimitRulesFromEnv(
      'INTAKE',
      {
        [TRACKING_BUCKET]: {
          variable: 'INTAKE_RATE_LIMIT_TRACKING',
          fallback: { limit: 30, windowMs: 60_000 },
        },
      },
      env,
    ),
  };
}

export const INTAKE_ACCESS_CONFIG = Symbol('INTAKE_ACCESS_CONFIG');
