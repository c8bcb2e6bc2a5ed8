import { brokersFromEnv } from '@app/messaging';
import {
  databaseUrlFromEnv,
  DEFAULT_DATABASE_SETTINGS,
  describeDatabaseUrl,
  type DatabaseSettings,
} from '@app/persistence';
import { isIP } from 'node:net';
import type { ServiceDefinition } from './service-definition';

/**
 * Express's `trust proxy`: how many proxies in front of the service to believe about the client's address
 * (X-Forwarded-For, from the right), or the addresses and CIDR ranges of the proxies to believe; `false`: none,
 * the address is the peer's.
 */
export type TrustProxy = false | number | string[];

export interface ServiceConfig {
  port: number;
  host: string;
  databaseUrl: string;
  kafkaBrokers: string[];
  logLevel: string;
  database: DatabaseSettings;
  trustProxy: TrustProxy;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** An address or a CIDR range (`10.0.0.0/8`, `fd00::/8`), or one of Express's names (`loopback`…). */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/**
 * `TRUST_PROXY`: unset, the client's address is the TCP peer's (any X-Forwarded-For is ignored, so a client
 * cannot pick the address its rate limit and audit entries go under); a number of hops (`1` behind the
 * ingress controller), or a comma-separated list of proxy addresses and CIDR ranges.
 */
export function trustProxyFromEnv(env: NodeJS.ProcessEnv = process.env): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw) return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw) === 0 ? false : Number(raw);
  const entries = raw.split(',').map((entry) => entry.trim());
  if (!entries.every(isProxyAddress))
    throw new Error(
      `TRUST_PROXY must be a number of proxies (e.g. 1) or a comma-separated list of addresses and CIDR ranges (e.g. 10.0.0.0/8), got "${raw}"`,
    );
  return entries;
}

/** The first of `names` set to something other than blanks wins; an empty `INTAKE_PORT=` does not hide `PORT`. */
function portFrom(env: NodeJS.ProcessEnv, names: string[], fallback: number): number {
  const name = names.find((candidate) => (env[candidate] ?? '').trim() !== '');
  if (name === undefined) return fallback;
  const value = env[name] as string;
  const port = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(port) || port > 65535)
    throw new Error(`${name} must be a port number, got "${value}"`);
  return port;
}

// PostgreSQL's integer settings and Node's timers both stop at 2^31 - 1 (a longer timer fires at once).
const MAX_WHOLE_NUMBER = 2_147_483_647;

/** A whole number, at least `min`, from the environment; unset or blank gives `fallback`. */
function wholeNumberFromEnv(
  name: string,
  fallback: number,
  min: number,
  what: string,
  env: NodeJS.ProcessEnv,
): number {
  const raw = env[name]?.trim() || String(fallback);
  if (!/^\d+$/.test(raw) || Number(raw) < min)
    throw new Error(`${name} must be ${what} >= ${min}, got "${raw}"`);
  if (Number(raw) > MAX_WHOLE_NUMBER)
    throw new Error(`${name} must be at most ${MAX_WHOLE_NUMBER}, got "${raw}"`);
  return Number(raw);
}

/**
 * A whole number of milliseconds, at least `min`, from the environment; unset or blank gives `fallback`.
 * A bad value stops the service with a message naming the variable, rather than running with NaN.
 */
export function millisecondsFromEnv(
  name: string,
  fallback: number,
  min: number,
  env: NodeJS.ProcessEnv = process.env,
): number {
  return wholeNumberFromEnv(name, fallback, min, 'a whole number of milliseconds', env);
}

/** A count (a batch size, a number of workers) from the environment; unset or blank gives `fallback`. */
export function countFromEnv(
  name: string,
  fallback: number,
  min = 1,
  env: NodeJS.ProcessEnv = process.env,
): number {
  return wholeNumberFromEnv(name, fallback, min, 'a whole number', env);
}

/** Pool size and timeouts of the service's PostgreSQL connections; a timeout of 0 leaves the server's setting. */
export function databaseSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseSettings {
  const defaults = DEFAULT_DATABASE_SETTINGS;
  return {
    poolSize: wholeNumberFromEnv('DB_POOL_SIZE', defaults.poolSize, 1, 'a whole number', env),
    connectTimeoutMs: millisecondsFromEnv('DB_CONNECT_TIMEOUT_MS', defaults.connectTimeoutMs, 100, env),
    statementTimeoutMs: millisecondsFromEnv('DB_STATEMENT_TIMEOUT_MS', defaults.statementTimeoutMs, 0, env),
    lockTimeoutMs: millisecondsFromEnv('DB_LOCK_TIMEOUT_MS', defaults.lockTimeoutMs, 0, env),
    idleInTransactionTimeoutMs: millisecondsFromEnv(
      'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      defaults.idleInTransactionTimeoutMs,
      0,
      env,
    ),
    keepAliveDelayMs: millisecondsFromEnv('DB_KEEPALIVE_DELAY_MS', defaults.keepAliveDelayMs, 1000, env),
  };
}

/** Reads and checks the environment once at start-up, so a bad setting stops the service with a clear message. */
export function loadServiceConfig(
  definition: ServiceDefinition,
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  const prefix = definition.name.toUpperCase();
  const databaseUrl = databaseUrlFromEnv(env);
  describeDatabaseUrl(databaseUrl);
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    port: portFrom(env, [`${prefix}_PORT`, 'PORT'], definition.defaultPort),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl,
    kafkaBrokers: brokersFromEnv(env),
    logLevel,
    database: databaseSettingsFromEnv(env),
    trustProxy: trustProxyFromEnv(env),
  };
}
