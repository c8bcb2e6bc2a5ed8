import type { FieldError } from '@app/contracts';
import type { IHeaders, KafkaMessage } from 'kafkajs';
import { createHash } from 'node:crypto';
import type { EventProducer, OutgoingRecord } from '../event-producer';

export interface DeadLetterReason {
  code: string;
  message: string;
  fieldErrors: FieldError[];
}

export const DLQ_REASON_CODE_HEADER = 'dlq-reason-code';
export const DLQ_REASON_HEADER = 'dlq-reason';
/** Present when parts of the original did not fit: `value`, `headers` and/or `key`, comma-separated. */
export const DLQ_ORIGINAL_OMITTED_HEADER = 'dlq-original-omitted';

/**
 * Kafka's default `max.message.bytes` of a topic (1 MiB + 12). A topic configured otherwise is asked at
 * start; this is the fallback when the broker does not say.
 */
export const KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;
/** Room for the record batch and record framing around key, value and headers. */
const FRAMING_ALLOWANCE_BYTES = 8 * 1024;

/**
 * A reason is bounded whatever the input: a message with 100,000 unknown properties must not produce a
 * 10 MB header. At most 50 field errors (each field name at most 200 characters, each reason at most 500),
 * a message of at most 500 characters, and the whole `dlq-reason` header at most 48 KiB of JSON (characters
 * JSON escapes take six bytes each, so the character caps alone do not bound the bytes): field errors are
 * left out from the end until it fits.
 */
export const DEAD_LETTER_REASON_LIMITS = {
  fieldErrors: 50,
  fieldChars: 200,
  reasonChars: 500,
  messageChars: 500,
  headerBytes: 48 * 1024,
} as const;

export interface DeadLetterSource {
  consumer: string;
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/** What the `dlq-reason` header holds. */
export interface DeadLetterDetail extends DeadLetterReason {
  /** Field errors left out beyond the first DEAD_LETTER_REASON_LIMITS.fieldErrors. */
  omittedFieldErrors?: number;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  failedAt: string;
  /** Size and SHA-256 of each part of the original that did not fit the dead-letter topic's limit. */
  omitted?: Partial<Record<OriginalPart, { bytes: number; sha256: string }>>;
}

type OriginalPart = 'value' | 'headers' | 'key';

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function boundedReason(
  reason: DeadLetterReason,
): Pick<DeadLetterDetail, 'code' | 'message' | 'fieldErrors' | 'omittedFieldErrors'> {
  const limits = DEAD_LETTER_REASON_LIMITS;
  const kept = reason.fieldErrors.slice(0, limits.fieldErrors).map((error) => ({
    field: truncate(error.field, limits.fieldChars),
    reason: truncate(error.reason, limits.reasonChars),
  }));
  const omitted = reason.fieldErrors.length - kept.length;
  return {
    code: truncate(reason.code, limits.fieldChars),
    message: truncate(reason.message, limits.messageChars),
    fieldErrors: kept,
    ...(omitted > 0 ? { omittedFieldErrors: omitted } : {}),
  };
}

function headerBytes(headers: IHeaders): Buffer {
  const entries = Object.entries(headers).map(([name, value]) => [
    name,
    (Array.isArray(value) ? value : [value]).map((part) =>
      Buffer.isBuffer(part) ? part.toString('base64') : Buffer.from(String(part)).toString('base64'),
    ),
  ]);
  return Buffer.from(JSON.stringify(entries));
}

function fingerprint(bytes: Buffer): { bytes: number; sha256: string } {
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** An upper estimate of the record's size on the wire, framing aside. */
function recordBytes(record: OutgoingRecord): number {
  const size = (value: string | Buffer | null | undefined): number =>
    value === null || value === undefined ? 0 : Buffer.byteLength(value);
  let total = size(record.key) + size(record.value);
  for (const [name, value] of Object.entries(record.headers)) {
    for (const part of Array.isArray(value) ? value : [value]) total += size(name) + size(part) + 10;
  }
  return total;
}

/**
 * The dead-letter record of a message: its original key, value and headers byte for byte, plus the
 * bounded reason. When the whole does not fit the topic's limit, the largest parts of the original are
 * replaced by their size and SHA-256 (in the reason) until it does, and `dlq-original-omitted` names them,
 * so that a dead letter can always be written.
 */
export function deadLetterRecord(
  deadLetterTopic: string,
  source: DeadLetterSource,
  reason: DeadLetterReason,
  maxRecordBytes: number,
  failedAt = new Date(),
): OutgoingRecord {
  const { message } = source;
  const original: Record<OriginalPart, Buffer | IHeaders | null> = {
    key: message.key ?? null,
    value: message.value ?? null,
    headers: message.headers ?? {},
  };
  const bytesOf = (part: OriginalPart): Buffer => {
    const value = original[part];
    if (part === 'headers') return headerBytes(value as IHeaders);
    return (value as Buffer | null) ?? Buffer.alloc(0);
  };
  const detail: DeadLetterDetail = {
    ...boundedReason(reason),
    consumer: source.consumer,
    topic: source.topic,
    partition: source.partition,
    offset: message.offset,
    failedAt: failedAt.toISOString(),
  };
  const omitted: OriginalPart[] = [];
  const build = (): OutgoingRecord => {
    const keep = (part: OriginalPart): boolean => !omitted.includes(part);
    return {
      topic: deadLetterTopic,
      key: keep('key') ? (original.key as Buffer | null) : null,
      value: keep('value') ? (original.value as Buffer | null) : null,
      headers: {
        ...(keep('headers') ? (original.headers as IHeaders) : {}),
        [DLQ_REASON_CODE_HEADER]: detail.code,
        [DLQ_REASON_HEADER]: JSON.stringify(detail),
        ...(omitted.length > 0 ? { [DLQ_ORIGINAL_OMITTED_HEADER]: omitted.join(',') } : {}),
      },
    };
  };
  const budget = maxRecordBytes - FRAMING_ALLOWANCE_BYTES;
  const dropFieldErrorsWhile = (tooLarge: () => boolean): void => {
    while (detail.fieldErrors.length > 0 && tooLarge()) {
      detail.fieldErrors = detail.fieldErrors.slice(0, -1);
      detail.omittedFieldErrors = (detail.omittedFieldErrors ?? 0) + 1;
    }
  };
  dropFieldErrorsWhile(
    () => Buffer.byteLength(JSON.stringify(detail)) > DEAD_LETTER_REASON_LIMITS.headerBytes,
  );
  const bySize = (['value', 'headers', 'key'] as const)
    .map((part) => ({ part, size: bytesOf(part).length }))
    .sort((a, b) => b.size - a.size);
  let record = build();
  for (const { part } of bySize) {
    if (recordBytes(record) <= budget) break;
    omitted.push(part);
    detail.omitted = { ...detail.omitted, [part]: fingerprint(bytesOf(part)) };
    record = build();
  }
  // A topic whose limit is smaller than the reason itself still gets the code, the message and the counts.
  dropFieldErrorsWhile(() => recordBytes(build()) > budget);
  return build();
}

/** kafkajs' error types for a record the broker refuses as too large. */
const TOO_LARGE = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE']);

/** The protocol error type of a kafkajs error, which may wrap it (`KafkaJSNonRetriableError`). */
function kafkaErrorType(error: unknown, depth = 0): string | undefined {
  if (depth > 4 || typeof error !== 'object' || error === null) return undefined;
  const { type, cause } = error as { type?: unknown; cause?: unknown };
  return typeof type === 'string' ? type : kafkaErrorType(cause, depth + 1);
}

/**
 * Sends one dead letter. A record the broker still refuses as too large (its limit is lower than the
 * topic said) goes again without any part of the original; any other failure is the caller's to retry.
 */
export async function sendToDeadLetter(
  producer: EventProducer,
  deadLetterTopic: string,
  source: DeadLetterSource,
  reason: DeadLetterReason,
  maxRecordBytes: number = KAFKA_DEFAULT_MAX_MESSAGE_BYTES,
): Promise<void> {
  const record = deadLetterRecord(deadLetterTopic, source, reason, maxRecordBytes);
  try {
    await producer.send([record]);
  } catch (error) {
    if (!TOO_LARGE.has(kafkaErrorType(error) ?? '')) throw error;
    // A limit of 0 leaves every part of the original out: only the reason and the fingerprints go.
    await producer.send([deadLetterRecord(deadLetterTopic, source, reason, 0)]);
  }
}
