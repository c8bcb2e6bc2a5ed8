import {
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { ChunkedWork, ChunkParticipants } from './chunk/chunk-participants';
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
class MessagingLifecycle
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  constructor(
    private readonly relay: OutboxRelay,
    private readonly producer: EventProducer,
    private readonly discovery: DiscoveryService,
    private readonly participants: ChunkParticipants,
  ) {}

  /** Every provider that works a chunk in bulk takes part in the consumer's chunks. */
  onModuleInit(): void {
    for (const { instance } of this.discovery.getProviders())
      if (instance instanceof ChunkedWork) this.participants.join(instance);
  }

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
      imports: [DiscoveryModule],
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
