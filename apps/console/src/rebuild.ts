import 'reflect-metadata';
import { createKafka, describeFailure } from '@app/messaging';
import { createServiceDataSource, migrateServiceSchema } from '@app/persistence';
import { loadServiceConfig } from '@app/service-kit';
import { CaseFiles } from './cases/read-model/case-files';
import { CaseProjector } from './cases/read-model/case-projector';
import { CitizenKey } from './cases/read-model/citizen-key';
import { ReadModelRebuild } from './cases/read-model/read-model-rebuild';
import { consoleDefinition } from './console.definition';

/**
 * `npm run console:rebuild`: drops the console's read model and folds appeals.events.v1 into it again. Run it
 * with the console stopped, with the console's environment (DATABASE_URL, KAFKA_BROKERS,
 * CONSOLE_CITIZEN_KEY_SECRET). It refuses a topic whose history was trimmed unless given
 * `--allow-trimmed-history`. See docs/console.md.
 */
async function rebuild(): Promise<void> {
  const config = loadServiceConfig(consoleDefinition);
  const database = {
    url: config.databaseUrl,
    ...config.database,
    schema: consoleDefinition.schema,
    entities: consoleDefinition.entities,
    migrations: consoleDefinition.migrations,
  };
  await migrateServiceSchema({ ...database, applicationName: 'console-rebuild-migrations' });
  const dataSource = await createServiceDataSource({
    ...database,
    applicationName: 'console-rebuild',
  }).initialize();
  try {
    const started = Date.now();
    const report = await new ReadModelRebuild(
      createKafka({ brokers: config.kafkaBrokers, clientId: 'console-rebuild' }),
      dataSource,
      new CaseProjector(new CaseFiles(), CitizenKey.fromEnv()),
      consoleDefinition.consumes?.groupId ?? consoleDefinition.name,
      process.argv.includes('--allow-trimmed-history'),
    ).run();
    process.stdout.write(
      `${JSON.stringify({ level: 'info', service: 'console', msg: 'read model rebuilt', ...report, ms: Date.now() - started })}\n`,
    );
  } finally {
    await dataSource.destroy();
  }
}

rebuild().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: 'error', service: 'console', msg: `rebuild failed: ${describeFailure(error)}` })}\n`,
  );
  process.exit(1);
});
