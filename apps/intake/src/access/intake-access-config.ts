import { AccessTokens } from '@app/contracts';
import { rateLimitRulesFromEnv, type RateLimitRules } from '@app/service-kit';

/** How intake recognises an external system: tokens issued by the console, checked against its JWKS. */
export interface IntakeAccessConfig {
  jwksUrl: URL;
  issuer: string;
  audience: string;
  rateLimits: RateLimitRules;
}

/** The bucket of the public tracking route: per address, stricter than a system's submissions. */
export const TRACKING_BUCKET = 'tracking';

/** Read once at start-up: without INTAKE_JWKS_URL intake would refuse every submission, so it does not start. */
export function intakeAccessConfigFromEnv(env: NodeJS.ProcessEnv = process.env): IntakeAccessConfig {
  const raw = env.INTAKE_JWKS_URL?.trim();
  if (!raw)
    throw new Error(
      "INTAKE_JWKS_URL must name the console's JWKS, e.g. http://127.0.0.1:3005/.well-known/jwks.json",
    );
  let jwksUrl: URL;
  try {
    jwksUrl = new URL(raw);
  } catch {
    throw new Error(`INTAKE_JWKS_URL must be an http(s) URL, got "${raw}"`);
  }
  if (jwksUrl.protocol !== 'http:' && jwksUrl.protocol !== 'https:')
    throw new Error(`INTAKE_JWKS_URL must be an http(s) URL, got "${raw}"`);
  return {
    jwksUrl,
    issuer: env.INTAKE_TOKEN_ISSUER?.trim() || AccessTokens.issuer,
    audience: AccessTokens.audiences.intake,
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
