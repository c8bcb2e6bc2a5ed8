import type { IHeaders } from 'kafkajs';
import { InvalidMessageError } from './errors';

export type RecordHeaders = Record<string, string>;

/** kafkajs hands headers over as Buffers (or arrays of them); events only ever use UTF-8 text. */
export function normalizeHeaders(headers: IHeaders | undefined): RecordHeaders {
  const normalized: RecordHeaders = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last === undefined) continue;
    normalized[name.toLowerCase()] = Buffer.isBuffer(last) ? last.toString('utf8') : String(last);
  }
  return normalized;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * In binary mode the attribute headers (`ce_*`) carry the event's identity, and (source, id) is the
 * idempotency key: bytes that are not UTF-8 would decode leniently to U+FFFD, and two ids could become one.
 */
export function assertAttributeHeadersAreUtf8(headers: IHeaders | undefined): void {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!name.toLowerCase().startsWith('ce_')) continue;
    for (const part of Array.isArray(value) ? value : [value]) {
      if (!Buffer.isBuffer(part)) continue;
      try {
        strictUtf8.decode(part);
      } catch {
        throw new InvalidMessageError('invalid-encoding', `header ${name} is not valid UTF-8`, [
          { field: name, reason: `${name} must be UTF-8 text` },
        ]);
      }
    }
  }
}
