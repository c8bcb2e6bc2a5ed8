import { Client } from 'pg';
import { describeDatabaseUrl, withDatabase } from './database-url';

const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

function unreachableMessage(url: string, cause: unknown): string {
  const { host, port, user } = describeDatabaseUrl(url);
  const reason = cause instanceof Error ? cause.message : String(cause);
  return (
    `PostgreSQL did not answer at ${host}:${port} as ${user} (${reason}). ` +
    'Start PostgreSQL or set DATABASE_URL, e.g. DATABASE_URL=postgres://user:password@host:5432/appeals'
  );
}

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(unreachableMessage(url, error), { cause: error });
  }
}

/** Creates the database named in `url` when it is missing; concurrent callers are safe. */
export async function ensureDatabase(url: string): Promise<void> {
  const { database } = describeDatabaseUrl(url);
  const admin = await connect(withDatabase(url, 'postgres'));
  try {
    const existing = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount) return;
    await admin.query(`CREATE DATABASE "${database.replace(/"/g, '""')}" ENCODING 'UTF8' TEMPLATE template0`);
  } catch (error) {
    const code = (error as { code?: string }).code;
    // Another service created it between our check and our CREATE.
    if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) return;
    throw error;
  } finally {
    await admin.end();
  }
}

/** Drops a database (tests and benchmarks make throwaway ones). */
export async function dropDatabase(url: string): Promise<void> {
  const { database } = describeDatabaseUrl(url);
  const admin = await connect(withDatabase(url, 'postgres'));
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
