import type { FieldError } from '@app/contracts';
import type { KafkaMessage } from 'kafkajs';
import type { EventProducer } from '../event-producer';

export interface DeadLetterReason {
  code: string;
  message: string;
  fieldErrors: FieldError[];
}

export const DLQ_REASON_CODE_HEADER = 'dlq-reason-code';
export const DLQ_REASON_HEADER = 'dlq-reason';

export interface DeadLetterSource {
  consumer: string;
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/** Copies the original key, bytes and headers to the dead-letter topic and adds the reason as headers. */
export async function sendToDeadLetter(
  producer: EventProducer,
  deadLetterTopic: string,
  source: DeadLetterSource,
  reason: DeadLetterReason,
): Promise<void> {
  const originalHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(source.message.headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last !== undefined)
      originalHeaders[name] = Buffer.isBuffer(last) ? last.toString('utf8') : String(last);
  }
  const detail = {
    ...reason,
    consumer: source.consumer,
    topic: source.topic,
    partition: source.partition,
    offset: source.message.offset,
    failedAt: new Date().toISOString(),
  };
  await producer.send([
    {
      topic: deadLetterTopic,
      key: source.message.key ? source.message.key.toString('utf8') : null,
      value: source.message.value,
      headers: {
        ...originalHeaders,
        [DLQ_REASON_CODE_HEADER]: reason.code,
        [DLQ_REASON_HEADER]: JSON.stringify(detail),
      },
    },
  ]);
}
