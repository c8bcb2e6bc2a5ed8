import { KAFKA, MessagingModule, probeKafka, type KafkaClient } from '@app/messaging';
import { createServiceDataSource } from '@app/persistence';
import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { stdSerializers } from 'pino';
import { HealthController } from './health.controller';
import { KafkaReachability } from './kafka-reachability';
import { serializeError, serializeRequest } from './log-serializers';
import { MetricsController } from './metrics.controller';
import { loadServiceConfig } from './service-config';
import type { ServiceDefinition } from './service-definition';

const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

/** Database, messaging, JSON logs, health and metrics: what every service has, configured one way. */
@Module({})
export class ServiceKitModule {
  static forService(definition: ServiceDefinition): DynamicModule {
    return {
      module: ServiceKitModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: process.env.LOG_LEVEL ?? 'info',
            base: { service: definition.name },
            messageKey: 'msg',
            // Citizens' personal data never reaches the logs: no bodies, no query strings, and no credentials
            // from headers.
            redact: {
              // The Referer is the calling page's address, query string (a search term, a filter) included.
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'req.headers["x-api-key"]',
                'req.headers.referer',
              ],
              remove: true,
            },
            // pino-http would hand our `err` serializer pino's serialization of the error (stack and
            // enumerable properties, a failed query's parameters among them), not the error itself.
            wrapSerializers: false,
            serializers: { req: serializeRequest, res: stdSerializers.res, err: serializeError },
            autoLogging: { ignore: (request) => QUIET_PATHS.includes(request.url?.split('?')[0] ?? '') },
            quietReqLogger: true,
          },
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () => {
            const config = loadServiceConfig(definition);
            return createServiceDataSource({
              url: config.databaseUrl,
              ...config.database,
              schema: definition.schema,
              entities: definition.entities,
              migrations: definition.migrations,
              applicationName: definition.name,
            }).options;
          },
        }),
        MessagingModule.forService({ clientId: definition.name, schema: definition.schema }),
        TerminusModule,
      ],
      controllers: [HealthController, MetricsController],
      providers: [
        {
          provide: KafkaReachability,
          useFactory: (kafka: KafkaClient) => new KafkaReachability(() => probeKafka(kafka)),
          inject: [KAFKA],
        },
      ],
    };
  }
}
