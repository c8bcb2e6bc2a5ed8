export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/appeals';

export interface DatabaseLocation {
  url: string;
  host: string;
  port: number;
  database: string;
  user: string;
}

export function databaseUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
}

export function describeDatabaseUrl(url: string): DatabaseLocation {
  const parsed = new URL(url);
  if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) {
    throw new Error(`DATABASE_URL must start with postgres:// (got ${parsed.protocol}//...)`);
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!database) throw new Error('DATABASE_URL must name a database, e.g. postgres://user@host:5432/appeals');
  return {
    url,
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 5432),
    database,
    user: decodeURIComponent(parsed.username || 'postgres'),
  };
}

/** The same server with another database: used to reach `postgres` for CREATE DATABASE. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
