import {
  ChunkParticipants,
  CloudEventsKafkaServer,
  createKafka,
  ensureTopics,
  OutboxWriter,
  probeKafka,
} from '@app/messaging';
import { migrateServiceSchema } from '@app/persistence';
import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { ACCEPT_LANGUAGE_PARAMETER } from './i18n/error-responses';
import { portInUseMessage } from './port-holder';
import { refuseUnreadableRequests } from './request-text';
import { loadServiceConfig } from './service-config';
import { answerBodyParserErrors, JSON_BODY_LIMIT, refuseInvalidUtf8 } from './json-body';
import type { ServiceDefinition } from './service-definition';
import { UnexpectedErrorFilter } from './unexpected-error.filter';
import { ContractValidationPipe } from './validation.pipe';

function writeStartupLine(
  level: 'info' | 'warn' | 'error',
  service: string,
  msg: string,
  extra: object = {},
): void {
  process.stdout.write(`${JSON.stringify({ level, time: Date.now(), service, msg, ...extra })}\n`);
}

/** Builds the Nest application of a module; a test passes one that compiles a testing module. */
export type AppFactory = (appModule: Type) => Promise<NestExpressApplication>;

const createApp: AppFactory = (appModule) =>
  NestFactory.create<NestExpressApplication>(appModule, { bufferLogs: true });

/**
 * Starts one service: migrations, topics, HTTP (health, metrics, OpenAPI at /docs) and, when it consumes,
 * the CloudEvents transport. SIGTERM/SIGINT stop the consumer first, so no handler is cut off mid-transaction.
 */
export async function runService(
  definition: ServiceDefinition,
  appModule: Type,
  create: AppFactory = createApp,
): Promise<INestApplication> {
  const config = loadServiceConfig(definition);
  const applied = await migrateServiceSchema({
    url: config.databaseUrl,
    ...config.database,
    schema: definition.schema,
    entities: definition.entities,
    migrations: definition.migrations,
    applicationName: `${definition.name}-migrations`,
  });
  if (applied.length > 0)
    writeStartupLine('info', definition.name, 'migrations applied', { migrations: applied });
  const admin = createKafka({ brokers: config.kafkaBrokers, clientId: `${definition.name}-admin` });
  // Started while Kafka is away, a service still serves HTTP (and intake accepts appeals into its outbox).
  if ((await probeKafka(admin, 5_000)).up) await ensureTopics(admin);
  else
    writeStartupLine('warn', definition.name, 'Kafka does not answer: topics not checked; starting anyway');

  const app = await create(appModule);
  // request.ip, which rate limits and audit entries use, is the client's only through trusted proxies.
  app.set('trust proxy', config.trustProxy);
  app.use(refuseUnreadableRequests);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, verify: refuseInvalidUtf8 });
  app.use(answerBodyParserErrors);
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new UnexpectedErrorFilter(app.getHttpAdapter()));
  app.useGlobalPipes(new ContractValidationPipe());
  const openApiBuilder = new DocumentBuilder()
    .setTitle(`appeal-routing ${definition.name}`)
    .setDescription(definition.description)
    .setVersion('1')
    .addGlobalParameters(ACCEPT_LANGUAGE_PARAMETER);
  for (const [name, scheme] of Object.entries(definition.securitySchemes ?? {}))
    openApiBuilder.addSecurity(name, scheme);
  const openApi = openApiBuilder.build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));

  let transport: CloudEventsKafkaServer | undefined;
  if (definition.consumes) {
    transport = new CloudEventsKafkaServer(
      {
        connection: { brokers: config.kafkaBrokers, clientId: definition.name },
        consumer: definition.consumes.groupId,
        groupId: definition.consumes.groupId,
        topics: definition.consumes.topics,
        schema: definition.schema,
      },
      app.get(DataSource),
      app.get(OutboxWriter),
      app.get(ChunkParticipants),
    );
    // Not inheriting the HTTP app's pipes, guards and filters: event handlers get contract-validated payloads.
    app.connectMicroservice({ strategy: transport });
    await app.startAllMicroservices();
  }
  await app.listen(config.port, config.host).catch(async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    const variables = `${definition.name.toUpperCase()}_PORT or PORT`;
    throw new Error(`${await portInUseMessage(config.host, config.port)}. Stop it or set ${variables}.`);
  });
  const url = await app.getUrl();
  writeStartupLine(
    'info',
    definition.name,
    `${definition.name} listening on ${url.replace('[::1]', '127.0.0.1')}`,
    {
      port: config.port,
    },
  );

  let stopping: Promise<void> | undefined;
  const stop = (signal: string): void => {
    stopping ??= (async () => {
      writeStartupLine('info', definition.name, `${signal} received, stopping`);
      try {
        await transport?.close();
        await app.close();
        writeStartupLine('info', definition.name, 'stopped');
        process.exit(0);
      } catch (error) {
        writeStartupLine('error', definition.name, `stop failed: ${(error as Error).message}`);
        process.exit(1);
      }
    })();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return app;
}

/** The `main.ts` of every service: start, or print why not and exit non-zero. */
export function main(definition: ServiceDefinition, appModule: Type): void {
  runService(definition, appModule).catch((error: unknown) => {
    writeStartupLine(
      'error',
      definition.name,
      `${definition.name} failed to start: ${(error as Error).message}`,
    );
    process.exit(1);
  });
}
