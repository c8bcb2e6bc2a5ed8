import { AccessTokens } from '@app/contracts';
import type { SecuritySchemeObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** How a service recognises external systems: tokens issued by the console, checked against its JWKS. */
export interface SystemAccessConfig {
  jwksUrl: URL;
  issuer: string;
  /** The audience the token must name: this service's (AccessTokens.audiences). */
  audience: string;
}

/**
 * `<PREFIX>_JWKS_URL` (required: without it every system would be refused, so the service does not start) and
 * `<PREFIX>_TOKEN_ISSUER` (the console's issuer by default), e.g. `INTAKE_JWKS_URL`, `NOTIFICATION_JWKS_URL`.
 */
export function systemAccessConfigFromEnv(
  prefix: string,
  audience: string,
  env: NodeJS.ProcessEnv = process.env,
): SystemAccessConfig {
  const variable = `${prefix}_JWKS_URL`;
  const raw = env[variable]?.trim();
  if (!raw)
    throw new Error(
      `${variable} must name the console's JWKS, e.g. http://127.0.0.1:3005/.well-known/jwks.json`,
    );
  let jwksUrl: URL;
  try {
    jwksUrl = new URL(raw);
  } catch {
    throw new Error(`${variable} must be an http(s) URL, got "${raw}"`);
  }
  if (jwksUrl.protocol !== 'http:' && jwksUrl.protocol !== 'https:')
    throw new Error(`${variable} must be an http(s) URL, got "${raw}"`);
  return { jwksUrl, issuer: env[`${prefix}_TOKEN_ISSUER`]?.trim() || AccessTokens.issuer, audience };
}

/** The provider of the {@link SystemAccessConfig} that {@link SystemTokens} checks tokens with. */
export const SYSTEM_ACCESS_CONFIG = Symbol('SYSTEM_ACCESS_CONFIG');

/** The OpenAPI security scheme of external systems' access tokens, by the name routes refer to it. */
export const SYSTEM_BEARER_SCHEME = 'systemToken';

/** For a service definition's `securitySchemes`: what the token is, and what `use` says its source decides. */
export function systemBearerScheme(use: string): Record<typeof SYSTEM_BEARER_SCHEME, SecuritySchemeObject> {
  return {
    [SYSTEM_BEARER_SCHEME]: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        "An external system's access token from the console (OAuth2 client credentials: POST /api/v1/auth/token " +
        `at the console with the client id and secret an administrator issued). ${use}`,
    },
  };
}
