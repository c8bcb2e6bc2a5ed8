import { Client } from 'pg';
import { DataSource, type MixedList, type EntitySchema } from 'typeorm';
import type { MigrationInterface } from 'typeorm';
import { ensureDatabase } from './ensure-database';
import { RedactingTypeOrmLogger } from './redacting-typeorm-logger';
import { assertSqlIdentifier } from './sql-identifier';

type MigrationClass = new () => MigrationInterface;
// TypeORM's own entity list type; functions are entity classes.
type EntityList = MixedList<string | EntitySchema | (new () => unknown)>;

export interface ServiceDataSourceOptions {
  url: string;
  /** The one schema this service owns; no service reads another's. */
  schema: string;
  entities: EntityList;
  migrations: MigrationClass[];
  poolSize?: number;
  applicationName: string;
}

export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const schema = assertSqlIdentifier(options.schema);
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
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
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
    const dataSource = createServiceDataSource({ ...options, poolSize: 1 });
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
