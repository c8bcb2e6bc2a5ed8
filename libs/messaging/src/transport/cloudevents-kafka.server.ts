import {
  EventPayloads,
  topicCarries,
  validatePayload,
  type CloudEvent,
  type TopicSubscription,
} from '@app/contracts';
import { Logger } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { DataSource } from 'typeorm';
import { ReliableConsumer, type EventHandlingContext, type EventRouter } from '../consumer/reliable-consumer';
import type { RetryPolicy } from '../consumer/retry-policy';
import { InvalidMessageError } from '../errors';
import { EventProducer } from '../event-producer';
import { Inbox } from '../inbox/inbox';
import { createKafka, type KafkaConnection } from '../kafka-client';
import type { OutboxWriter } from '../outbox/outbox-writer';
import type { ChunkParticipants } from '../chunk/chunk-participants';
import { CloudEventContext } from './cloudevent-context';

export interface CloudEventsServerOptions {
  connection: KafkaConnection;
  /** Names this consumer in the inbox and in dead-letter reasons. */
  consumer: string;
  groupId: string;
  topics: TopicSubscription[];
  schema: string;
  retry?: Partial<RetryPolicy>;
}

/**
 * A Nest microservice transport for CloudEvents on Kafka. Handlers are ordinary `@EventPattern(type)`
 * methods; unlike the stock ServerKafka (which commits past a thrown error unless it is a
 * KafkaRetriableException), offsets here move only after the handler's transaction has committed.
 */
export class CloudEventsKafkaServer extends Server implements CustomTransportStrategy, EventRouter {
  private consumer?: ReliableConsumer;
  private readonly log = new Logger(CloudEventsKafkaServer.name);
  private readonly handlersByType = new Map<string, MessageHandler | undefined>();

  constructor(
    private readonly options: CloudEventsServerOptions,
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly participants?: ChunkParticipants,
  ) {
    super();
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      this.assertEveryHandlerHasAContract();
      const kafka = createKafka(this.options.connection);
      this.consumer = new ReliableConsumer(
        kafka,
        this.dataSource,
        new Inbox(this.options.schema),
        new EventProducer(kafka),
        this,
        {
          consumer: this.options.consumer,
          groupId: this.options.groupId,
          topics: this.options.topics,
          retry: this.options.retry,
          outbox: this.outbox,
          participants: this.participants,
          afterCommit: () => this.outbox.notifyCommitted(),
          log: (level, message, fields) =>
            this.log[level === 'info' ? 'log' : level]({ msg: message, ...fields }),
        },
      );
      await this.consumer.start();
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
    this.consumer = undefined;
  }

  handles(type: string): boolean {
    return this.messageHandlers.has(type);
  }

  validate(event: CloudEvent): CloudEvent {
    const payloadClass = EventPayloads[event.type];
    const checked = validatePayload(payloadClass, event.data);
    if (!checked.ok) {
      const fieldErrors = checked.errors.map((error) => ({
        field: error.field ? `data.${error.field}` : 'data',
        reason: error.reason,
      }));
      throw new InvalidMessageError(
        'invalid-data',
        `data of ${event.type} does not match its contract`,
        fieldErrors,
      );
    }
    return { ...event, data: checked.value };
  }

  async handle(event: CloudEvent, context: EventHandlingContext): Promise<void> {
    const handler = this.handlerOf(event.type);
    if (!handler) return;
    const result: unknown = await handler(event.data, new CloudEventContext([event, context]));
    // Nest turns a thrown handler error into an erroring observable: unwrap it so the consumer sees the failure.
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }

  /** Nest's own lookup parses the pattern each time (a thrown JSON.parse for a plain type): once per type here. */
  private handlerOf(type: string): MessageHandler | undefined {
    if (!this.handlersByType.has(type))
      this.handlersByType.set(type, this.getHandlerByPattern(type) ?? undefined);
    return this.handlersByType.get(type);
  }

  on(): never {
    throw new Error('CloudEventsKafkaServer has no transport events to listen to');
  }

  unwrap<T>(): T {
    throw new Error('CloudEventsKafkaServer does not expose its kafkajs client');
  }

  private assertEveryHandlerHasAContract(): void {
    for (const type of this.messageHandlers.keys()) {
      if (!EventPayloads[type]) throw new Error(`no payload contract for handled event type ${type}`);
      if (!this.options.topics.some((subscription) => topicCarries(subscription, type))) {
        throw new Error(`no consumed topic carries the handled event type ${type}`);
      }
    }
  }
}
