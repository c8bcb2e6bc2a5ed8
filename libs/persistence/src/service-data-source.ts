import { Client, type ClientConfig } from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { MigrationInterface } from 'typeorm';
import { ensureDatabase } from './ensure-database';
import { RedactingTypeOrmLogger } from './redacting-typeorm-logger';
import { assertSqlIdentifier } from './sql-identifier';

type MigrationClass = new () => MigrationInterface;
// TypeORM's own entity list type; functions are entity classes.
type EntityList = MixedList<string | EntitySchema | (new () => unknown)>;

/** Pool and session limits; each service reads them from its environment (see README, Environment). */
export interface DatabaseSettings {
  poolSize: number;
  connectTimeoutMs: number;
  /** A statement running longer is cancelled (SQLSTATE 57014, retried as transient): it cannot hold a consumer. */
  statementTimeoutMs: number;
  /** Waiting longer for a lock fails the statement (55P03, transient) instead of queueing behind a stuck one. */
  lockTimeoutMs: number;
  /** PostgreSQL ends a session left idle inside a transaction this long, releasing its locks. */
  idleInTransactionTimeoutMs: number;
  /** TCP keepalive after this much silence, so a connection to a vanished server is noticed. */
  keepAliveDelayMs: number;
}

export const DEFAULT_DATABASE_SETTINGS: DatabaseSettings = {
  poolSize: 10,
  connectTimeoutMs: 5_000,
  statementTimeoutMs: 15_000,
  lockTimeoutMs: 5_000,
  idleInTransactionTimeoutMs: 60_000,
  keepAliveDelayMs: 10_000,
};

export interface ServiceDataSourceOptions extends Partial<DatabaseSettings> {
  url: string;
  /** The one schema this service owns; no service reads another's. */
  schema: string;
  entities: EntityList;
  migrations: MigrationClass[];
  applicationName: string;
}

/**
 * pg emits 'error' on a client whose connection drops; TypeORM listens only while a query runner holds the
 * client, and pg-pool only while it is idle. A client that loses its connection in between (just released
 * with an error, being ended) would raise the event as an uncaught exception and end the process. The
 * failure itself already reaches whoever ran the query, so the event only needs a listener.
 */
class ListenedClient extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

function serverKeepAliveOptions(delayMs: number): string {
  const seconds = Math.max(1, Math.round(delayMs / 1000));
  return [
    `-c tcp_keepalives_idle=${seconds}`,
    `-c tcp_keepalives_interval=${Math.max(1, Math.round(seconds / 2))}`,
    '-c tcp_keepalives_count=3',
  ].join(' ');
}

export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const schema = assertSqlIdentifier(options.schema);
  const settings: DatabaseSettings = { ...DEFAULT_DATABASE_SETTINGS, ...options };
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logger: new RedactingTypeOrmLogger(options.applicationName),
    applicationName: options.applicationName,
    // node-postgres client settings; a timeout of 0 is not sent, leaving the server's own setting.
    extra: {
      Client: ListenedClient,
      max: settings.poolSize,
      connectionTimeoutMillis: settings.connectTimeoutMs,
      keepAlive: true,
      keepAliveInitialDelayMillis: settings.keepAliveDelayMs,
      // The server's side of the same: a session whose client vanished (a replica's host gone) ends within
      // about three delays instead of the OS default of two hours, and so do the locks it holds (the relay's).
      options: serverKeepAliveOptions(settings.keepAliveDelayMs),
      statement_timeout: settings.statementTimeoutMs,
      lock_timeout: settings.lockTimeoutMs,
      idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
      // Kazakh texts must survive: the connection speaks UTF-8 whatever the server default.
      client_encoding: 'UTF8',
    },
  });
}

/**
 * Creates the database and the schema if missing and applies pending migrations.
 * An advisory lock per schema serialises replicas of one service that start together.
 */
export async function migrateServiceSchema(options: ServiceDataSourceOptions): Promise<string[]> {
  const schema = assertSqlIdentifier(options.schema);
  await ensureDatabase(options.url);
  const lockClient = new Client({ connectionString: options.url, connectionTimeoutMillis: 5000 });
  await lockClient.connect();
  try {
    await lockClient.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${schema}`]);
    await lockClient.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    // A migration may rewrite a large table: no statement timeout (the lock timeout still applies).
    const dataSource = createServiceDataSource({ ...options, poolSize: 1, statementTimeoutMs: 0 });
    await dataSource.initialize();
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await lockClient
      .query('SELECT pg_advisory_unlock(hashtext($1))', [`migrations:${schema}`])
      .catch(() => undefined);
    await lockClient.end();
  }
}
