import { brokersFromEnv } from '@app/messaging';
import { databaseUrlFromEnv, describeDatabaseUrl } from '@app/persistence';
import type { ServiceDefinition } from './service-definition';

export interface ServiceConfig {
  port: number;
  host: string;
  databaseUrl: string;
  kafkaBrokers: string[];
  logLevel: string;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

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
  const raw = env[name]?.trim() || String(fallback);
  if (!/^\d+$/.test(raw) || Number(raw) < min)
    throw new Error(`${name} must be a whole number of milliseconds >= ${min}, got "${raw}"`);
  return Number(raw);
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
  };
}
