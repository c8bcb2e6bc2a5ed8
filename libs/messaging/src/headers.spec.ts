import { InvalidMessageError } from './errors';
import { assertAttributeHeadersAreUtf8, normalizeHeaders } from './headers';

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

describe('assertAttributeHeadersAreUtf8', () => {
  const notUtf8 = Buffer.from([0x69, 0x64, 0xff, 0xfe]);

  it('accepts UTF-8 attribute headers, Kazakh letters included, and ignores other headers', () => {
    expect(() =>
      assertAttributeHeadersAreUtf8({
        ce_source: Buffer.from('urn:kz:egov:портал:әкімдік', 'utf8'),
        ce_id: ['first', Buffer.from('second')],
        'x-binary-trace': notUtf8,
      }),
    ).not.toThrow();
  });

  it.each([{ ce_id: notUtf8 }, { CE_Source: [Buffer.from('ok'), notUtf8] }])(
    'rejects an attribute header that is not UTF-8 as invalid-encoding, naming it (%#)',
    (headers) => {
      const name = Object.keys(headers)[0];
      let thrown: unknown;
      try {
        assertAttributeHeadersAreUtf8(headers);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(InvalidMessageError);
      expect(thrown).toMatchObject({
        code: 'invalid-encoding',
        fieldErrors: [{ field: name, reason: `${name} must be UTF-8 text` }],
      });
    },
  );
});
