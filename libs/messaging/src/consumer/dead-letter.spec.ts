import type { KafkaMessage } from 'kafkajs';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  DEAD_LETTER_REASON_LIMITS,
  deadLetterRecord,
  DLQ_ORIGINAL_OMITTED_HEADER,
  DLQ_REASON_CODE_HEADER,
  DLQ_REASON_HEADER,
  KAFKA_DEFAULT_MAX_MESSAGE_BYTES,
  type DeadLetterDetail,
  type DeadLetterReason,
} from './dead-letter';

function message(
  value: Buffer | null,
  headers: KafkaMessage['headers'] = {},
  key: Buffer | null = null,
): KafkaMessage {
  return { key, value, headers, offset: '42', timestamp: '0', attributes: 0 };
}

function record(
  kafkaMessage: KafkaMessage,
  reason: DeadLetterReason,
  limit = KAFKA_DEFAULT_MAX_MESSAGE_BYTES,
) {
  return deadLetterRecord(
    'appeals.intake.dlq.v1',
    { consumer: 'intake', topic: 'appeals.intake.v1', partition: 3, message: kafkaMessage },
    reason,
    limit,
  );
}

function detailOf(headers: Record<string, unknown>): DeadLetterDetail {
  return JSON.parse(String(headers[DLQ_REASON_HEADER])) as DeadLetterDetail;
}

function sizeOf(dead: ReturnType<typeof record>): number {
  let total = Buffer.byteLength(dead.key ?? '') + Buffer.byteLength(dead.value ?? '');
  for (const [name, value] of Object.entries(dead.headers))
    total += name.length + Buffer.byteLength(value as Buffer | string);
  return total;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const invalid: DeadLetterReason = { code: 'invalid-data', message: 'data does not match', fieldErrors: [] };

describe('deadLetterRecord', () => {
  it('keeps the original key, value and headers byte for byte when they fit, and adds the reason', () => {
    const value = Buffer.from('{"text":"Әкімдікке өтініш"}');
    const binaryHeader = Buffer.from([0xff, 0x00, 0xfe]);
    const dead = record(
      message(value, { 'x-origin': 'call-centre', 'x-blob': binaryHeader }, Buffer.from('k')),
      invalid,
    );

    expect(dead.value).toBe(value);
    expect(dead.key).toEqual(Buffer.from('k'));
    expect(dead.headers['x-blob']).toBe(binaryHeader);
    expect(dead.headers['x-origin']).toBe('call-centre');
    expect(dead.headers[DLQ_REASON_CODE_HEADER]).toBe('invalid-data');
    expect(dead.headers[DLQ_ORIGINAL_OMITTED_HEADER]).toBeUndefined();
    expect(detailOf(dead.headers)).toMatchObject({
      consumer: 'intake',
      topic: 'appeals.intake.v1',
      partition: 3,
      offset: '42',
    });
  });

  it('names each field error by field and English reason only, as before field errors had codes', () => {
    const fieldErrors = [
      { field: 'data.subject', reason: 'subject must be shorter than or equal to 300 characters' },
    ];
    const coded = fieldErrors.map((error) => ({ ...error, code: 'isLength', params: { min: 1, max: 300 } }));
    const dead = record(message(Buffer.from('{}')), { ...invalid, fieldErrors: coded });
    expect(detailOf(dead.headers).fieldErrors).toEqual(fieldErrors);
  });

  it('caps the field errors and the length of every text, saying how many were left out', () => {
    const fieldErrors = Array.from({ length: 30_000 }, (_, index) => ({
      field: `data.unknown${index}`.padEnd(1_000, 'x'),
      reason: 'property should not exist '.repeat(100),
    }));
    const dead = record(message(Buffer.from('{}')), {
      code: 'invalid-data',
      message: 'm'.repeat(10_000),
      fieldErrors,
    });
    const detail = detailOf(dead.headers);

    expect(detail.fieldErrors).toHaveLength(DEAD_LETTER_REASON_LIMITS.fieldErrors);
    expect(detail.omittedFieldErrors).toBe(30_000 - DEAD_LETTER_REASON_LIMITS.fieldErrors);
    expect(detail.message.length).toBeLessThanOrEqual(DEAD_LETTER_REASON_LIMITS.messageChars);
    for (const error of detail.fieldErrors) {
      expect(error.field.length).toBeLessThanOrEqual(DEAD_LETTER_REASON_LIMITS.fieldChars);
      expect(error.reason.length).toBeLessThanOrEqual(DEAD_LETTER_REASON_LIMITS.reasonChars);
    }
    expect(Buffer.byteLength(String(dead.headers[DLQ_REASON_HEADER]))).toBeLessThan(40_000);
  });

  it('bounds the reason in bytes too, when its characters are ones JSON writes as six bytes each', () => {
    const fieldErrors = Array.from({ length: 50 }, () => ({ field: 'data.x', reason: '\u0001'.repeat(500) }));
    const dead = record(message(Buffer.from('{}')), { ...invalid, fieldErrors });
    const header = String(dead.headers[DLQ_REASON_HEADER]);

    expect(Buffer.byteLength(header)).toBeLessThanOrEqual(DEAD_LETTER_REASON_LIMITS.headerBytes);
    const detail = detailOf(dead.headers);
    expect(detail.fieldErrors.length + (detail.omittedFieldErrors ?? 0)).toBe(50);
    expect(detail.fieldErrors.length).toBeGreaterThan(0);
  });

  it('keeps only the code, the message and the counts when even the reason exceeds a tiny topic limit', () => {
    const fieldErrors = Array.from({ length: 50 }, (_, index) => ({
      field: `data.f${index}`,
      reason: 'r'.repeat(400),
    }));
    const dead = record(message(Buffer.from('{}')), { ...invalid, fieldErrors }, 12 * 1024);

    const detail = detailOf(dead.headers);
    expect(detail.code).toBe('invalid-data');
    expect(detail.fieldErrors.length + (detail.omittedFieldErrors ?? 0)).toBe(50);
    expect(sizeOf(dead)).toBeLessThanOrEqual(12 * 1024 - 8 * 1024);
  });

  it('replaces a value that would not fit the topic by its size and SHA-256, keeping the headers, and flags it', () => {
    const value = Buffer.alloc(1_045_000, 'a');
    const dead = record(message(value, { 'x-origin': 'portal' }), invalid);

    expect(dead.value).toBeNull();
    expect(dead.headers['x-origin']).toBe('portal');
    expect(dead.headers[DLQ_ORIGINAL_OMITTED_HEADER]).toBe('value');
    expect(detailOf(dead.headers).omitted).toEqual({ value: { bytes: value.length, sha256: sha256(value) } });
    expect(sizeOf(dead)).toBeLessThan(KAFKA_DEFAULT_MAX_MESSAGE_BYTES);
  });

  it('leaves out the largest parts first, until the record fits a smaller limit', () => {
    const value = Buffer.alloc(3_000, 'v');
    const headers = { 'x-large': Buffer.alloc(20_000, 'h') };
    const key = Buffer.alloc(100, 'k');
    const dead = record(message(value, headers, key), invalid, 20_000);

    expect(dead.headers[DLQ_ORIGINAL_OMITTED_HEADER]).toBe('headers');
    expect(dead.value).toBe(value);
    expect(dead.key).toBe(key);
    expect(dead.headers['x-large']).toBeUndefined();
    expect(Object.keys(detailOf(dead.headers).omitted ?? {})).toEqual(['headers']);

    const compact = record(message(value, headers, key), invalid, 0);
    expect(compact.headers[DLQ_ORIGINAL_OMITTED_HEADER]).toBe('headers,value,key');
    expect(compact.value).toBeNull();
    expect(compact.key).toBeNull();
    expect(detailOf(compact.headers).omitted?.key).toEqual({ bytes: 100, sha256: sha256(key) });
  });
});

describe('the dead-letter record in docs/asyncapi.yaml', () => {
  type Schema = { properties: Record<string, { maxItems?: number; maxLength?: number }> };
  const schemas = (
    parse(readFileSync(path.join(__dirname, '..', '..', '..', '..', 'docs', 'asyncapi.yaml'), 'utf8')) as {
      components: { schemas: Record<string, Schema> };
    }
  ).components.schemas;

  it('names the headers the writer adds', () => {
    expect(Object.keys(schemas.DeadLetterHeaders.properties).sort()).toEqual(
      [DLQ_REASON_CODE_HEADER, DLQ_REASON_HEADER, DLQ_ORIGINAL_OMITTED_HEADER].sort(),
    );
  });

  it('states the caps the writer applies', () => {
    const reason = schemas.DeadLetterReason.properties;
    expect(reason.fieldErrors.maxItems).toBe(DEAD_LETTER_REASON_LIMITS.fieldErrors);
    expect(reason.message.maxLength).toBe(DEAD_LETTER_REASON_LIMITS.messageChars);
    expect(Object.keys(reason)).toEqual(expect.arrayContaining(['omitted', 'omittedFieldErrors']));
  });
});
