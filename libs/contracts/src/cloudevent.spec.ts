import fc from 'fast-check';
import { newCloudEvent, validateCloudEventEnvelope } from './cloudevent';
import { EventTypes } from './event-types';

function goodEvent(): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: 'evt-1',
    source: 'urn:kz:egov:portal',
    type: EventTypes.submitted,
    time: '2025-03-01T09:30:00+05:00',
    datacontenttype: 'application/json',
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    data: { text: 'Әкімдікке өтініш' },
  };
}

const TIME_REASON =
  'time must be an RFC 3339 date-time with offset that exists on the calendar, in the years 1970 to 9999, e.g. 2025-03-01T09:30:00+05:00';

describe('validateCloudEventEnvelope', () => {
  it('accepts a CloudEvent with an extension and returns it untouched', () => {
    const event = goodEvent();
    expect(validateCloudEventEnvelope(event)).toEqual({ ok: true, value: event });
  });

  it.each([
    '2024-02-29T23:59:59.999+05:00',
    '2025-03-01T04:30:00Z',
    '2025-03-01t04:30:00z',
    '2025-12-31T23:59:59-03:30',
  ])('accepts the time %s', (time) => {
    expect(validateCloudEventEnvelope({ ...goodEvent(), time }).ok).toBe(true);
  });

  it('accepts the required attributes alone', () => {
    const event = { specversion: '1.0', id: '1', source: '/s', type: 't', data: {} };
    expect(validateCloudEventEnvelope(event).ok).toBe(true);
  });

  it.each<[string, unknown, string]>([
    ['specversion', '0.3', "specversion must be '1.0'"],
    ['specversion', undefined, 'specversion is required'],
    ['id', '', 'id should not be empty'],
    ['id', undefined, 'id is required'],
    ['id', 42, 'id must be a string'],
    ['id', 'i'.repeat(513), 'id must be shorter than or equal to 512 characters'],
    ['source', undefined, 'source is required'],
    ['source', `urn:${'s'.repeat(509)}`, 'source must be shorter than or equal to 512 characters'],
    ['type', '', 'type should not be empty'],
    ['time', '1 March 2025', TIME_REASON],
    ['time', '2025-02-30T09:30:00+05:00', TIME_REASON],
    ['time', '2025-12-31T23:59:60Z', TIME_REASON],
    ['time', '2025-03-01T24:00:00+05:00', TIME_REASON],
    ['time', '0000-01-01T00:00:00Z', TIME_REASON],
    ['time', '1969-12-31T23:59:59Z', TIME_REASON],
    ['subject', '', 'subject should not be empty'],
    ['data', undefined, 'data must be present'],
  ])('rejects %s = %p', (attribute, value, reason) => {
    const event = goodEvent();
    if (value === undefined) delete event[attribute];
    else event[attribute] = value;
    const result = validateCloudEventEnvelope(event);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(expect.objectContaining({ field: attribute, reason }));
  });

  it.each([
    ['traceParent', 'x'],
    ['trace_parent', 'x'],
    ['trace-parent', 'x'],
    ['nested', { a: 1 }],
  ])('rejects extension %s = %p, naming it', (name, value) => {
    const result = validateCloudEventEnvelope({ ...goodEvent(), [name]: value });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.reason).toContain(name);
  });

  it.each([null, 'event', [], 1])('rejects the non-object %p', (plain) => {
    expect(validateCloudEventEnvelope(plain)).toMatchObject({ ok: false, errors: [{ field: '' }] });
  });
});

describe('validateCloudEventEnvelope, what cannot be stored', () => {
  /** Any UTF-16 code unit, so that NUL and lone surrogates turn up as often as letters. */
  const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
  const unstorableUnit = fc.oneof(
    fc.constant('\u0000'),
    fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
  );
  const stringAttributes = Object.entries(goodEvent())
    .filter(([, value]) => typeof value === 'string')
    .map(([name]) => name);

  it('never throws on any JSON or any value, and a refusal names fields', () => {
    const candidates = fc.oneof(
      fc.jsonValue({ stringUnit: anyCodeUnit }),
      fc.dictionary(fc.string({ unit: anyCodeUnit }), fc.jsonValue({ stringUnit: anyCodeUnit })),
      fc.record({
        specversion: fc.constant('1.0'),
        id: fc.string({ unit: anyCodeUnit }),
        data: fc.anything(),
      }),
      fc.anything({ withNullPrototype: true, withSparseArray: true, withObjectString: true }),
    );
    fc.assert(
      fc.property(candidates, (plain) => {
        const result = validateCloudEventEnvelope(plain);
        expect(result.ok || result.errors.every((e) => typeof e.field === 'string')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('refuses NUL or a lone surrogate anywhere in any attribute, naming it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...stringAttributes), unstorableUnit, fc.nat(), (name, unit, at) => {
        const event = goodEvent();
        const text = event[name] as string;
        const position = at % (text.length + 1);
        event[name] = `${text.slice(0, position)}${unit}${text.slice(position)}`;
        const result = validateCloudEventEnvelope(event);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors.map((error) => error.field)).toEqual([name]);
      }),
    );
  });

  it.each(['__proto__', 'constructor'])(
    'refuses a %s attribute rather than letting it reshape the event',
    (key) => {
      const event = JSON.parse(JSON.stringify(goodEvent()).replace('{', `{"${key}": {"id": 1}, `)) as unknown;
      expect(validateCloudEventEnvelope(event)).toEqual({
        ok: false,
        errors: [{ field: key, reason: `property ${key} should not exist`, code: 'whitelistValidation' }],
      });
    },
  );

  it('leaves data to the payload check, however deep or whatever it holds', () => {
    const levels = 100_000;
    const deep = JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`) as unknown;
    expect(validateCloudEventEnvelope({ ...goodEvent(), data: deep }).ok).toBe(true);
    expect(validateCloudEventEnvelope({ ...goodEvent(), data: { text: '\u0000' } }).ok).toBe(true);
  });

  it('refuses a deeply nested extension without overflowing the stack', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`) as unknown;
    expect(validateCloudEventEnvelope({ ...goodEvent(), nested: deep }).ok).toBe(false);
  });
});

describe('newCloudEvent', () => {
  it('fills id, time and content type', () => {
    const event = newCloudEvent({
      type: EventTypes.registered,
      source: 'appeal-routing/intake',
      data: { a: 1 },
    });
    expect(event).toEqual({
      specversion: '1.0',
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      source: 'appeal-routing/intake',
      type: EventTypes.registered,
      time: expect.any(String),
      datacontenttype: 'application/json',
      data: { a: 1 },
    });
    expect('subject' in event).toBe(false);
    expect(validateCloudEventEnvelope(event).ok).toBe(true);
  });

  it('keeps given id, time and subject', () => {
    const event = newCloudEvent({
      type: EventTypes.routed,
      source: 's',
      data: null,
      id: 'fixed',
      subject: 'appeal-1',
      time: new Date('2025-03-01T04:30:00Z'),
    });
    expect(event).toMatchObject({ id: 'fixed', subject: 'appeal-1', time: '2025-03-01T04:30:00.000Z' });
  });

  it('gives a new id each time', () => {
    const a = newCloudEvent({ type: 't', source: 's', data: {} });
    const b = newCloudEvent({ type: 't', source: 's', data: {} });
    expect(a.id).not.toBe(b.id);
  });
});
