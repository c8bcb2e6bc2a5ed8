import { AccessTokens } from '@app/contracts';
import {
  countFromEnv,
  millisecondsFromEnv,
  rateLimitRulesFromEnv,
  type RateLimitRules,
} from '@app/service-kit';
import { DEFAULT_LOGIN_THROTTLE, type LoginThrottleRules } from './login-throttle/login-throttle-rules';
import type { ConcurrencyLimitSettings } from './passwords/concurrency-limit';
import {
  DEFAULT_HASHING_LIMIT,
  DEFAULT_SCRYPT_PARAMETERS,
  type ScryptParameters,
} from './passwords/password-hasher';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** An OIDC provider whose access tokens the console accepts besides its own (the production option). */
export interface OidcConfig {
  issuer: string;
  jwksUrl: string;
  audience: string;
  /** Claim names (a dotted path reaches into an object, e.g. `realm_access.roles`). */
  claims: { role: string; organization: string; region: string };
  /**
   * What tells an access token from an ID token, whose audience is the client id too: the `typ` header
   * `at+jwt` (RFC 9068) unless CONSOLE_OIDC_REQUIRE_AT_JWT=0 for a provider that does not set it; then the
   * token must carry no `nonce`, and `azp` / `token_use` must match where configured.
   */
  accessTokenType: boolean;
  authorizedParty?: string;
  tokenUse?: string;
}

export interface IdentityConfig {
  issuer: string;
  accessTokenTtlMs: number;
  /** A refresh token lives this long unless used (and so replaced) earlier. */
  refreshTokenTtlMs: number;
  /** A login lasts at most this long, however often it is refreshed. */
  sessionMaxMs: number;
  /** Short: intake cannot see a revocation and trusts a system's token until it expires. */
  systemTokenTtlMs: number;
  passwordMinLength: number;
  scrypt: ScryptParameters;
  /** Password hashes computed at once (each holds a libuv thread and 32 MiB), and how many may wait. */
  passwordHashing: ConcurrencyLimitSettings;
  /** A private JWK (JSON) or PKCS#8 PEM; none: a key generated for this run (local and demo use). */
  signingKey?: string;
  /** A JWK Set of earlier public keys still published and accepted while their tokens may be alive. */
  retiredPublicKeys?: string;
  oidc?: OidcConfig;
  /** CONSOLE_DEMO=1: demo users and a demo system with fixed secrets (npm start; never production). */
  demo: boolean;
  /** The first admin of a new installation (created when no user has that name; never changed later). */
  bootstrapAdmin?: { username: string; password: string };
  rateLimits: RateLimitRules;
  /** Failed logins per username before it is blocked for a while (any address, existing account or not). */
  loginThrottle: LoginThrottleRules;
}

/** The route bucket of sign-in, refresh and client credentials: limited per address against guessing. */
export const SIGN_IN_BUCKET = 'sign-in';

/**
 * The route bucket of the citizen's decision by link, per address: a few tries a minute are plenty for a
 * citizen with a link, and nothing for someone guessing secrets.
 */
export const CITIZEN_DECISION_BUCKET = 'citizen-decision';

/**
 * The route bucket of the citizen's public pages (the status of a tracking number, the answer of a link), per
 * address: enough for a citizen who reloads the page, too few to walk the space of tracking numbers.
 */
export const CITIZEN_TRACKING_BUCKET = 'citizen-tracking';

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function oidcFromEnv(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = optional(env, 'CONSOLE_OIDC_ISSUER');
  const jwksUrl = optional(env, 'CONSOLE_OIDC_JWKS_URL');
  const audience = optional(env, 'CONSOLE_OIDC_AUDIENCE');
  if (!issuer && !jwksUrl && !audience) return undefined;
  if (!issuer || !jwksUrl || !audience)
    throw new Error('CONSOLE_OIDC_ISSUER, CONSOLE_OIDC_JWKS_URL and CONSOLE_OIDC_AUDIENCE go together');
  if (!/^https?:\/\//.test(jwksUrl)) throw new Error('CONSOLE_OIDC_JWKS_URL must be an http(s) URL');
  const requireAtJwt = optional(env, 'CONSOLE_OIDC_REQUIRE_AT_JWT');
  if (requireAtJwt !== undefined && requireAtJwt !== '1' && requireAtJwt !== '0')
    throw new Error('CONSOLE_OIDC_REQUIRE_AT_JWT must be 1 or 0');
  return {
    issuer,
    jwksUrl,
    audience,
    claims: {
      role: optional(env, 'CONSOLE_OIDC_ROLE_CLAIM') ?? 'role',
      organization: optional(env, 'CONSOLE_OIDC_ORGANIZATION_CLAIM') ?? 'organization_id',
      region: optional(env, 'CONSOLE_OIDC_REGION_CLAIM') ?? 'region_kato',
    },
    accessTokenType: requireAtJwt !== '0',
    authorizedParty: optional(env, 'CONSOLE_OIDC_AZP'),
    tokenUse: optional(env, 'CONSOLE_OIDC_TOKEN_USE'),
  };
}

function bootstrapAdminFromEnv(env: NodeJS.ProcessEnv): IdentityConfig['bootstrapAdmin'] {
  const username = optional(env, 'CONSOLE_ADMIN_USERNAME');
  const password = env.CONSOLE_ADMIN_PASSWORD;
  if (!username && !password) return undefined;
  if (!username || !password)
    throw new Error('CONSOLE_ADMIN_USERNAME and CONSOLE_ADMIN_PASSWORD go together');
  return { username, password };
}

/** Read once at start-up: a bad value stops the console with a message naming the variable. */
export function identityConfigFromEnv(env: NodeJS.ProcessEnv = process.env): IdentityConfig {
  const demo = optional(env, 'CONSOLE_DEMO');
  if (demo !== undefined && demo !== '1' && demo !== '0') throw new Error('CONSOLE_DEMO must be 1 or 0');
  return {
    issuer: optional(env, 'CONSOLE_TOKEN_ISSUER') ?? AccessTokens.issuer,
    accessTokenTtlMs: millisecondsFromEnv('CONSOLE_ACCESS_TOKEN_TTL_MS', 15 * MINUTE, 10_000, env),
    refreshTokenTtlMs: millisecondsFromEnv('CONSOLE_REFRESH_TOKEN_TTL_MS', 8 * HOUR, MINUTE, env),
    sessionMaxMs: millisecondsFromEnv('CONSOLE_SESSION_MAX_MS', 24 * HOUR, MINUTE, env),
    systemTokenTtlMs: millisecondsFromEnv('CONSOLE_SYSTEM_TOKEN_TTL_MS', 5 * MINUTE, 10_000, env),
    passwordMinLength: countFromEnv('CONSOLE_PASSWORD_MIN_LENGTH', 12, 8, env),
    scrypt: {
      ...DEFAULT_SCRYPT_PARAMETERS,
      logN: countFromEnv('CONSOLE_SCRYPT_LOG_N', DEFAULT_SCRYPT_PARAMETERS.logN, 14, env),
    },
    passwordHashing: {
      running: countFromEnv('CONSOLE_PASSWORD_HASH_CONCURRENCY', DEFAULT_HASHING_LIMIT.running, 1, env),
      waiting: DEFAULT_HASHING_LIMIT.waiting,
    },
    signingKey: optional(env, 'CONSOLE_SIGNING_KEY'),
    retiredPublicKeys: optional(env, 'CONSOLE_RETIRED_PUBLIC_KEYS'),
    oidc: oidcFromEnv(env),
    demo: demo === '1',
    bootstrapAdmin: bootstrapAdminFromEnv(env),
    loginThrottle: {
      ...DEFAULT_LOGIN_THROTTLE,
      maxFailures: countFromEnv('CONSOLE_LOGIN_MAX_FAILURES', DEFAULT_LOGIN_THROTTLE.maxFailures, 1, env),
    },
    rateLimits: rateLimitRulesFromEnv(
      'CONSOLE',
      {
        [SIGN_IN_BUCKET]: {
          variable: 'CONSOLE_RATE_LIMIT_SIGN_IN',
          fallback: { limit: 10, windowMs: MINUTE },
        },
        [CITIZEN_DECISION_BUCKET]: {
          variable: 'CONSOLE_RATE_LIMIT_CITIZEN_DECISION',
          fallback: { limit: 10, windowMs: MINUTE },
        },
        [CITIZEN_TRACKING_BUCKET]: {
          variable: 'CONSOLE_RATE_LIMIT_TRACKING',
          fallback: { limit: 30, windowMs: MINUTE },
        },
      },
      env,
    ),
  };
}

/** Injection token of the {@link IdentityConfig}. */
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');
