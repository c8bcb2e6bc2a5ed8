import type { IHeaders } from 'kafkajs';

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
