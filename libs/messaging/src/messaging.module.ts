import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ChunkParticipants } from './chunk/chunk-participants';
import { EventProducer } from './event-producer';
import { brokersFromEnv, createKafka } from './kafka-client';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';

export const KAFKA = Symbol('KAFKA');

export interface MessagingModuleOptions {
  clientId: string;
  /** The service's schema, holding its outbox and inbox tables. */
  schema: string;
}

@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly producer: EventProducer,
  ) {}

  /** The relay's producer connects on its first send: a service starts while Kafka is away, and waits. */
  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.producer.disconnect();
  }
}

@Module({})
export class MessagingModule {
  static forService(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        {
          provide: KAFKA,
          useFactory: (): Kafka => createKafka({ brokers: brokersFromEnv(), clientId: options.clientId }),
        },
        { provide: EventProducer, useFactory: (kafka: Kafka) => new EventProducer(kafka), inject: [KAFKA] },
        { provide: OutboxWriter, useFactory: () => new OutboxWriter(options.schema) },
        ChunkParticipants,
        {
          provide: OutboxRelay,
          useFactory: (dataSource: DataSource, producer: EventProducer, writer: OutboxWriter) => {
            const log = new Logger(OutboxRelay.name);
            const relay = new OutboxRelay(dataSource, producer, {
              schema: options.schema,
              log: (message) => log.warn(message),
            });
            writer.onCommitted(() => relay.wake());
            return relay;
          },
          inject: [DataSource, EventProducer, OutboxWriter],
        },
        MessagingLifecycle,
      ],
      exports: [KAFKA, EventProducer, OutboxWriter, OutboxRelay, ChunkParticipants],
    };
  }
}

export const InjectKafka = (): ParameterDecorator => Inject(KAFKA);
