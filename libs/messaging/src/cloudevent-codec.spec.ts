import { EventTypes, newCloudEvent, type CloudEvent } from '@app/contracts';
import { assertAttributeHeadersAreUtf8, decodeCloudEvent, encodeCloudEvent } from './cloudevent-codec';
import { InvalidMessageError } from './errors';
import type { RecordHeaders } from './headers';

const KAZAKH = 'Әкімдікке өтініш: жолды жөндеу қажет (Ғ, Қ, Ң, Ө, Ұ, Ү, Һ, І)';

function structured(event: Record<string, unknown>): Buffer {
  return Buffer.from(JSON.stringify(event), 'utf8');
}

function goodEvent(): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: 'evt-1',
    source: 'urn:kz:egov:portal',
    type: EventTypes.submitted,
    time: '2025-03-01T09:30:00+05:00',
    datacontenttype: 'application/json',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    data: { subject: 'Жолды жөндеу' },
  };
}

function binaryHeaders(extra: RecordHeaders = {}): RecordHeaders {
  return {
    ce_specversion: '1.0',
    ce_id: 'evt-2',
    ce_source: 'urn:kz:egov:portal',
    ce_type: EventTypes.submitted,
    'content-type': 'application/json',
    ...extra,
  };
}

/** The InvalidMessageError that decoding throws; fails the test when decoding succeeds. */
function rejection(headers: RecordHeaders, value: Buffer | null): InvalidMessageError {
  try {
    decodeCloudEvent(headers, value);
  } catch (error) {
    if (error instanceof InvalidMessageError) return error;
    throw error;
  }
  throw new Error('expected the message to be rejected');
}

describe('decodeCloudEvent, structured mode', () => {
  it('returns the whole event, extensions included', () => {
    const event = goodEvent();
    expect(decodeCloudEvent({ 'content-type': 'application/cloudevents+json' }, structured(event))).toEqual(
      event,
    );
  });

  it('does not need a content-type header', () => {
    expect(decodeCloudEvent({}, structured(goodEvent())).id).toBe('evt-1');
  });

  it.each([null, Buffer.alloc(0)])('rejects an empty value (%p) as empty-message', (value) => {
    expect(rejection({}, value).code).toBe('empty-message');
  });

  it('rejects bytes that are not UTF-8 as invalid-encoding', () => {
    const latin1 = Buffer.from('{"subject":"caf\xe9"}', 'latin1');
    expect(rejection({}, latin1).code).toBe('invalid-encoding');
  });

  it('rejects text that is not JSON as invalid-json', () => {
    const error = rejection({}, Buffer.from('{"specversion": "1.0",', 'utf8'));
    expect(error.code).toBe('invalid-json');
    expect(error.message).toMatch(/^message value is not valid JSON/);
  });

  it('rejects JSON that is not a CloudEvent as invalid-cloudevent, naming the fields', () => {
    const event = goodEvent();
    delete event.id;
    event.specversion = '0.3';
    const error = rejection({}, structured(event));
    expect(error.code).toBe('invalid-cloudevent');
    expect(error.fieldErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'id', reason: 'id is required' }),
        expect.objectContaining({ field: 'specversion', reason: "specversion must be '1.0'" }),
      ]),
    );
  });

  it.each([
    ['[1, 2]', 'an array'],
    ['"text"', 'a string'],
    ['42', 'a number'],
    ['null', 'null'],
  ])('rejects the JSON value %s as invalid-cloudevent, saying it is %s', (json, type) => {
    const error = rejection({}, Buffer.from(json));
    expect(error.code).toBe('invalid-cloudevent');
    expect(error.fieldErrors).toEqual([
      expect.objectContaining({ field: '', reason: `value must be a JSON object, got ${type}` }),
    ]);
  });

  it('does not repeat the input in the reason for text that is not JSON', () => {
    const error = rejection({}, Buffer.from('Әсел, ИИН 900101300017', 'utf8'));
    expect(error.code).toBe('invalid-json');
    expect(error.message).toMatch(
      /^message value is not valid JSON: Unexpected token .*"…"(\.\.\.)? is not valid JSON$/,
    );
    expect(error.message).not.toContain('Әсел');
    expect(error.message).not.toContain('ИИН');
  });

  it('does not repeat a piece of the input even when it holds quotes', () => {
    const error = rejection({}, Buffer.from('["900101300017", Asel]', 'utf8'));
    expect(error.code).toBe('invalid-json');
    expect(error.message).toMatch(/"…" is not valid JSON$/);
    expect(error.message).not.toContain('1300017');
    expect(error.message).not.toContain('Asel');
  });

  it('is structured mode when content-type says application/cloudevents, even with ce_ headers', () => {
    const event = goodEvent();
    const headers = binaryHeaders({ 'content-type': 'application/cloudevents+json; charset=utf-8' });
    expect(decodeCloudEvent(headers, structured(event))).toEqual(event);
  });
});

describe('decodeCloudEvent, binary mode', () => {
  it('builds the event from ce_ headers, content-type and the value as data', () => {
    const headers = binaryHeaders({
      ce_traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    const event = decodeCloudEvent(headers, Buffer.from(JSON.stringify({ subject: KAZAKH }), 'utf8'));
    expect(event).toEqual({
      specversion: '1.0',
      id: 'evt-2',
      source: 'urn:kz:egov:portal',
      type: EventTypes.submitted,
      datacontenttype: 'application/json',
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      data: { subject: KAZAKH },
    });
  });

  it('ignores headers that are not CloudEvents attributes', () => {
    const event = decodeCloudEvent(binaryHeaders({ 'x-retry-count': '3' }), Buffer.from('{}'));
    expect(event).not.toHaveProperty('x-retry-count');
    expect(event).not.toHaveProperty('retry-count');
  });

  it('takes data from the value only, never from a ce_data or ce_data_base64 header', () => {
    const headers = binaryHeaders({ ce_data: '{"forged":true}', ce_data_base64: 'e30=' });
    expect(decodeCloudEvent(headers, Buffer.from('{"a":1}')).data).toEqual({ a: 1 });
    expect(rejection(headers, null).fieldErrors).toContainEqual(
      expect.objectContaining({ field: 'data', reason: 'data must be present' }),
    );
  });

  it('accepts a JSON content type with parameters or a +json suffix', () => {
    const headers = binaryHeaders({ 'content-type': 'application/vnd.appeal+json; charset=utf-8' });
    const event = decodeCloudEvent(headers, Buffer.from('{"a":1}'));
    expect(event.datacontenttype).toBe('application/vnd.appeal+json; charset=utf-8');
    expect(event.data).toEqual({ a: 1 });
  });

  it('rejects data of a content type that is not JSON as unsupported-content-type', () => {
    const error = rejection(binaryHeaders({ 'content-type': 'text/plain' }), Buffer.from('hello'));
    expect(error.code).toBe('unsupported-content-type');
    expect(error.message).toContain('text/plain');
  });

  it('rejects data that is not JSON as invalid-json', () => {
    const error = rejection(binaryHeaders(), Buffer.from('not json'));
    expect(error.code).toBe('invalid-json');
    expect(error.message).toMatch(/^data is not valid JSON/);
    expect(error.message).not.toContain('not json"');
  });

  it('rejects data that is not UTF-8 as invalid-encoding', () => {
    expect(rejection(binaryHeaders(), Buffer.from([0x22, 0xff, 0xfe, 0x22])).code).toBe('invalid-encoding');
  });

  it('rejects an event without data as invalid-cloudevent', () => {
    const error = rejection(binaryHeaders(), null);
    expect(error.code).toBe('invalid-cloudevent');
    expect(error.fieldErrors).toContainEqual(
      expect.objectContaining({ field: 'data', reason: 'data must be present' }),
    );
  });

  it('rejects missing required attributes as invalid-cloudevent, naming them', () => {
    const headers = binaryHeaders();
    delete headers.ce_source;
    const error = rejection(headers, Buffer.from('{}'));
    expect(error.code).toBe('invalid-cloudevent');
    expect(error.fieldErrors).toContainEqual(
      expect.objectContaining({ field: 'source', reason: 'source is required' }),
    );
  });
});

describe('decodeCloudEvent, attributes a database cannot store', () => {
  it.each([
    ['NUL', '\\u0000', 'NUL character'],
    ['a lone surrogate', '\\ud800', 'lone UTF-16 surrogates'],
  ])(
    'rejects %s escaped in a structured-mode id as invalid-cloudevent, naming id',
    (_case, escape, reason) => {
      const json = JSON.stringify(goodEvent()).replace('"evt-1"', `"evt-${escape}"`);
      const error = rejection({}, Buffer.from(json, 'utf8'));
      expect(error.code).toBe('invalid-cloudevent');
      expect(error.fieldErrors).toEqual([
        expect.objectContaining({ field: 'id', reason: expect.stringContaining(reason) }),
      ]);
    },
  );

  it.each(['ce_id', 'ce_source', 'ce_subject', 'ce_traceparent'])(
    'rejects a NUL in the binary-mode header %s as invalid-cloudevent, naming the attribute',
    (header) => {
      const error = rejection(binaryHeaders({ [header]: 'a\u0000b' }), Buffer.from('{}'));
      expect(error.code).toBe('invalid-cloudevent');
      expect(error.fieldErrors).toEqual([
        expect.objectContaining({
          field: header.slice('ce_'.length),
          reason: expect.stringContaining('NUL character'),
        }),
      ]);
    },
  );

  it('passes data it cannot store on to the payload check, which knows the field', () => {
    const event = { ...goodEvent(), data: { subject: 'a\u0000b' } };
    expect(decodeCloudEvent({}, structured(event)).data).toEqual({ subject: 'a\u0000b' });
  });
});

describe('encodeCloudEvent', () => {
  it('round-trips Kazakh text unchanged through decodeCloudEvent', () => {
    const event: CloudEvent = newCloudEvent({
      type: EventTypes.submitted,
      source: 'urn:kz:egov:portal',
      subject: 'Жолды жөндеу',
      data: { subject: 'Жолды жөндеу', text: KAZAKH, citizen: { fullName: 'Әсел Нұрланқызы' } },
    });
    const bytes = Buffer.from(encodeCloudEvent(event), 'utf8');
    expect(decodeCloudEvent({}, bytes)).toEqual(event);
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
