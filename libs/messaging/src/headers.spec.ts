import { normalizeHeaders } from './headers';

describe('normalizeHeaders', () => {
  it('decodes Buffer values as UTF-8 text', () => {
    expect(normalizeHeaders({ ce_source: Buffer.from('urn:kz:egov:портал', 'utf8') })).toEqual({
      ce_source: 'urn:kz:egov:портал',
    });
  });

  it('keeps string values as they are', () => {
    expect(normalizeHeaders({ traceparent: '00-abc-def-01' })).toEqual({ traceparent: '00-abc-def-01' });
  });

  it('takes the last value of a repeated header', () => {
    expect(normalizeHeaders({ ce_id: [Buffer.from('first'), Buffer.from('second')] })).toEqual({
      ce_id: 'second',
    });
    expect(normalizeHeaders({ ce_id: ['first', 'second'] })).toEqual({ ce_id: 'second' });
  });

  it('lower-cases header names so that Content-Type and content-type are the same header', () => {
    expect(normalizeHeaders({ 'Content-Type': 'application/json', CE_SpecVersion: '1.0' })).toEqual({
      'content-type': 'application/json',
      ce_specversion: '1.0',
    });
  });

  it('skips undefined values and empty arrays', () => {
    expect(normalizeHeaders({ present: 'yes', absent: undefined, none: [] })).toEqual({ present: 'yes' });
  });

  it('gives an empty object for a record without headers', () => {
    expect(normalizeHeaders(undefined)).toEqual({});
    expect(normalizeHeaders({})).toEqual({});
  });
});
