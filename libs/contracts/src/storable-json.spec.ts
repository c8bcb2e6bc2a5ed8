import { MAX_JSON_DEPTH, MAX_JSON_ENTRIES, unstorableParts } from './storable-json';

/** `levels` arrays, one inside the other, as JSON.parse builds them from `[[[…]]]`. */
function nestedArrays(levels: number): unknown {
  return JSON.parse(`${'['.repeat(levels)}${']'.repeat(levels)}`);
}

describe('unstorableParts', () => {
  it('finds nothing in sound JSON, emoji and Kazakh letters included', () => {
    expect(
      unstorableParts({ text: 'Әкімдікке 😀', list: [1, -0, 2.5, true, null, { 'ключ 🔑': 'ғ' }] }),
    ).toEqual([]);
  });

  it.each([
    ['a NUL', 'a\u0000b', 'text must not contain the NUL character (U+0000)', 'nulCharacter'],
    [
      'a lone high surrogate',
      'a\ud800b',
      'text must be well-formed Unicode, without lone UTF-16 surrogates',
      'loneSurrogate',
    ],
    [
      'a lone low surrogate',
      '\udc00',
      'text must be well-formed Unicode, without lone UTF-16 surrogates',
      'loneSurrogate',
    ],
    [
      'a reversed pair',
      '\ude00\ud83d',
      'text must be well-formed Unicode, without lone UTF-16 surrogates',
      'loneSurrogate',
    ],
  ])('names a string with %s', (_case, text, reason, code) => {
    expect(unstorableParts({ text })).toEqual([{ field: 'text', reason, code }]);
  });

  it('names nested fields and array elements by their dotted path, in document order', () => {
    expect(
      unstorableParts({
        citizen: { fullName: 'x\u0000' },
        attachments: [{ name: 'ok' }, { name: '\ud800' }],
      }),
    ).toEqual([
      { field: 'citizen.fullName', reason: expect.stringContaining('NUL'), code: 'nulCharacter' },
      { field: 'attachments.1.name', reason: expect.stringContaining('surrogates'), code: 'loneSurrogate' },
    ]);
  });

  it('names a bad key with its bad code units spelled out, and does not look inside', () => {
    expect(unstorableParts({ citizen: { 'a\u0000b\ud800': { c: '\u0000' } } })).toEqual([
      {
        field: 'citizen.a\\u0000b\\ud800',
        reason: 'property name must not contain the NUL character (U+0000)',
        code: 'nulCharacter',
      },
    ]);
  });

  it.each(['__proto__', 'constructor'])('refuses a %s key at any depth', (key) => {
    const nested = JSON.parse(`{"a": [{"${key}": {"admin": true}}]}`) as unknown;
    expect(unstorableParts(nested)).toEqual([
      { field: `a.0.${key}`, reason: `property ${key} should not exist`, code: 'whitelistValidation' },
    ]);
  });

  it('refuses a number JSON cannot write, such as 1e400 parsed', () => {
    expect(unstorableParts(JSON.parse('{"sizeBytes": 1e400, "b": [-1e400]}'))).toEqual([
      { field: 'sizeBytes', reason: 'sizeBytes must be a finite number', code: 'finiteNumber' },
      { field: 'b.0', reason: 'b.0 must be a finite number', code: 'finiteNumber' },
    ]);
  });

  it(`takes ${MAX_JSON_DEPTH} levels of nesting and refuses one more, naming where`, () => {
    expect(unstorableParts(nestedArrays(MAX_JSON_DEPTH))).toEqual([]);
    const tooDeep = unstorableParts({ a: nestedArrays(MAX_JSON_DEPTH) });
    expect(tooDeep).toEqual([
      {
        field: `a${'.0'.repeat(MAX_JSON_DEPTH - 1)}`,
        reason: expect.stringContaining(`is nested deeper than ${MAX_JSON_DEPTH} levels`),
        code: 'maxDepth',
        params: { max: MAX_JSON_DEPTH, count: MAX_JSON_DEPTH },
      },
    ]);
  });

  it('walks 100 000 levels of arrays or objects without overflowing the stack', () => {
    const levels = 100_000;
    const objects = JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`) as unknown;
    expect(unstorableParts(nestedArrays(levels))).toHaveLength(1);
    expect(unstorableParts(objects)).toHaveLength(1);
  });

  it(`refuses an object or array with more than ${MAX_JSON_ENTRIES} entries, once`, () => {
    const wide = Object.fromEntries(
      Array.from({ length: MAX_JSON_ENTRIES + 1 }, (_, i) => [`k${i}`, '\u0000']),
    );
    expect(unstorableParts({ wide })).toEqual([
      expect.objectContaining({
        field: 'wide',
        reason: `wide must have at most ${MAX_JSON_ENTRIES} properties`,
        code: 'maxEntries',
      }),
    ]);
    expect(unstorableParts(Array.from({ length: MAX_JSON_ENTRIES + 1 }, () => 0))).toEqual([
      expect.objectContaining({
        field: '',
        reason: `value must have at most ${MAX_JSON_ENTRIES} elements`,
        code: 'maxEntries',
      }),
    ]);
    expect(unstorableParts(Array.from({ length: MAX_JSON_ENTRIES }, () => 0))).toEqual([]);
  });

  it('leaves the deferred top-level key to its own check', () => {
    expect(unstorableParts({ id: '\u0000', data: { text: '\u0000' } }, 'data')).toEqual([
      { field: 'id', reason: expect.stringContaining('NUL'), code: 'nulCharacter' },
    ]);
    expect(unstorableParts({ a: { data: '\u0000' } }, 'data')).toHaveLength(1);
  });
});
