import { isPlainObject, validateCloudEventEnvelope, type CloudEvent } from '@app/contracts';
import { redactValues } from '@app/persistence';
import { InvalidMessageError } from './errors';
import type { IHeaders } from 'kafkajs';
import type { RecordHeaders } from './headers';

export const STRUCTURED_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';
const BINARY_PREFIX = 'ce_';
/** In binary mode the record value is the data: headers named after it are not attributes. */
const NOT_HEADER_ATTRIBUTES = new Set(['data', 'data_base64']);
const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(value: Buffer): string {
  try {
    return utf8.decode(value);
  } catch {
    throw new InvalidMessageError('invalid-encoding', 'message value is not valid UTF-8');
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    // V8 quotes a piece of the input ("xyz" is not valid JSON); the dead-letter record already has the bytes.
    const reason = redactValues((error as Error).message);
    throw new InvalidMessageError('invalid-json', `${what} is not valid JSON: ${reason}`);
  }
}

/**
 * In binary mode the attribute headers (`ce_*`) carry the event's identity, and (source, id) is the
 * idempotency key: bytes that are not UTF-8 would decode leniently to U+FFFD, and two ids could become one.
 */
export function assertAttributeHeadersAreUtf8(headers: IHeaders | undefined): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!name.toLowerCase().startsWith(BINARY_PREFIX)) continue;
    for (const part of Array.isArray(value) ? value : [value]) {
      if (!Buffer.isBuffer(part)) continue;
      try {
        utf8.decode(part);
      } catch {
        throw new InvalidMessageError('invalid-encoding', `header ${name} is not valid UTF-8`, [
          { field: name, reason: `${name} must be UTF-8 text` },
        ]);
      }
    }
  }
}

/**
 * CloudEvents Kafka protocol binding: a `content-type` of `application/cloudevents…` means structured mode,
 * whatever other headers say; otherwise a `ce_specversion` header means binary mode.
 */
export function isBinaryMode(headers: RecordHeaders): boolean {
  const contentType = headers['content-type'];
  if (contentType !== undefined && /^\s*application\/cloudevents/i.test(contentType)) return false;
  return headers[`${BINARY_PREFIX}specversion`] !== undefined;
}

function fromBinary(headers: RecordHeaders, value: Buffer | null): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const [name, headerValue] of Object.entries(headers)) {
    const attribute = name.startsWith(BINARY_PREFIX) ? name.slice(BINARY_PREFIX.length) : undefined;
    if (attribute !== undefined && !NOT_HEADER_ATTRIBUTES.has(attribute)) attributes[attribute] = headerValue;
  }
  const contentType = headers['content-type'];
  if (contentType) attributes.datacontenttype = contentType;
  if (value !== null && value.length > 0) {
    const isJson = !contentType || /json/i.test(contentType);
    if (!isJson)
      throw new InvalidMessageError(
        'unsupported-content-type',
        `data content type ${contentType} is not JSON`,
      );
    attributes.data = parseJson(decodeUtf8(value), 'data');
  }
  return attributes;
}

/** The event attributes as the record carries them, not yet checked against CloudEvents 1.0. */
export type UncheckedCloudEvent = Record<string, unknown>;

/** Reads a Kafka record in either CloudEvents Kafka binding: structured (whole event as value) or binary (ce_ headers). */
export function readCloudEvent(headers: RecordHeaders, value: Buffer | null): UncheckedCloudEvent {
  if (isBinaryMode(headers)) return fromBinary(headers, value);
  if (value === null || value.length === 0)
    throw new InvalidMessageError('empty-message', 'message has no value');
  const candidate = parseJson(decodeUtf8(value), 'message value');
  if (!isPlainObject(candidate)) {
    // The envelope check words it as every other validation does: "value must be a JSON object, got …".
    const checked = validateCloudEventEnvelope(candidate);
    throw new InvalidMessageError(
      'invalid-cloudevent',
      'message value is not a JSON object',
      checked.ok ? [] : checked.errors,
    );
  }
  return candidate;
}

/** Checks the attributes against CloudEvents 1.0. */
export function checkCloudEvent(candidate: UncheckedCloudEvent): CloudEvent {
  const checked = validateCloudEventEnvelope(candidate);
  if (!checked.ok) {
    throw new InvalidMessageError(
      'invalid-cloudevent',
      'message is not a valid CloudEvents 1.0 event',
      checked.errors,
    );
  }
  return checked.value;
}

export function decodeCloudEvent(headers: RecordHeaders, value: Buffer | null): CloudEvent {
  return checkCloudEvent(readCloudEvent(headers, value));
}

export function encodeCloudEvent(event: CloudEvent): string {
  return JSON.stringify(event);
}
