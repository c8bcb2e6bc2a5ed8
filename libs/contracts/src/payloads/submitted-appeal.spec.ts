import fc from 'fast-check';
import { MAX_JSON_ENTRIES } from '../storable-json';
import { MAX_FIELD_ERRORS, validatePayload, type FieldError } from '../validation';
import { SubmittedAppealData } from './submitted-appeal';

/** A complete, valid appeal; tests spoil one field at a time. */
function goodAppeal(): Record<string, unknown> {
  return {
    externalId: 'EGOV-2025-77812',
    kind: 'complaint',
    category: 'roads.repair',
    regionKato: '751110000',
    subject: 'Жолды жөндеу',
    text: 'Әкімдікке өтініш: жолды жөндеу қажет',
    language: 'kk',
    citizen: {
      fullName: 'Әлия Сәрсенбайқызы Нұрланова',
      iin: '900101300017',
      email: 'aliya@example.kz',
      phone: '+77011234567',
      preferredChannel: 'sms',
    },
    channel: 'portal',
    submittedAt: '2025-03-01T09:30:00+05:00',
    attachments: [
      {
        name: 'жол-суреті.jpg',
        mediaType: 'image/jpeg',
        sizeBytes: 1_234_567,
        url: 'https://files.example.kz/a/123',
        sha256: 'a'.repeat(64),
      },
    ],
  };
}

/** `appeal` with one dotted path set to `value` (or removed, for undefined). */
function withValue(appeal: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce<Record<string, unknown>>(
    (node, key) => node[key] as Record<string, unknown>,
    appeal,
  );
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return appeal;
}

/** The good appeal with one dotted path set to `value` (or removed, for undefined). */
function appealWith(path: string, value: unknown): Record<string, unknown> {
  return withValue(goodAppeal(), path, value);
}

function errorsOf(plain: unknown): FieldError[] {
  const result = validatePayload(SubmittedAppealData, plain);
  if (result.ok) throw new Error('expected the appeal to be rejected');
  return result.errors;
}

function fieldsOf(plain: unknown): string[] {
  return [...new Set(errorsOf(plain).map((e) => e.field))];
}

describe('validatePayload(SubmittedAppealData)', () => {
  it('accepts a complete appeal and keeps Kazakh text intact', () => {
    const result = validatePayload(SubmittedAppealData, goodAppeal());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toBeInstanceOf(SubmittedAppealData);
    expect(result.value.text).toBe('Әкімдікке өтініш: жолды жөндеу қажет');
    expect(result.value.citizen.fullName).toBe('Әлия Сәрсенбайқызы Нұрланова');
    expect(result.value.attachments?.[0]?.name).toBe('жол-суреті.jpg');
    // And through a JSON round trip, as on Kafka.
    expect(JSON.parse(JSON.stringify(result.value))).toEqual(goodAppeal());
  });

  it('accepts an appeal without the optional fields', () => {
    const minimal = goodAppeal();
    for (const key of ['channel', 'submittedAt', 'attachments']) delete minimal[key];
    minimal.citizen = { fullName: 'Иван Петров', email: 'ivan@example.kz', preferredChannel: 'email' };
    expect(validatePayload(SubmittedAppealData, minimal)).toMatchObject({ ok: true });
  });

  it.each(['ғқңөұүһіә', 'Заявление в акимат', 'Road repair needed'])('accepts text %s', (text) => {
    expect(validatePayload(SubmittedAppealData, appealWith('text', text))).toMatchObject({ ok: true });
  });

  it.each<[string, unknown, string]>([
    ['externalId', undefined, 'externalId'],
    ['externalId', 'x'.repeat(129), 'externalId'],
    ['kind', 'petition', 'kind'],
    ['category', 'Roads Repair', 'category'],
    ['category', `a${'b'.repeat(64)}`, 'category'],
    ['regionKato', '510000000', 'regionKato'],
    ['regionKato', undefined, 'regionKato'],
    ['subject', '', 'subject'],
    ['subject', '   ', 'subject'],
    ['subject', 's'.repeat(301), 'subject'],
    ['text', 't'.repeat(20001), 'text'],
    ['language', 'de', 'language'],
    ['citizen', undefined, 'citizen'],
    ['citizen', 'Иван', 'citizen'],
    ['citizen', [], 'citizen'],
    ['citizen.fullName', '', 'citizen.fullName'],
    ['citizen.iin', '900101300018', 'citizen.iin'],
    ['citizen.iin', null, 'citizen.iin'],
    ['citizen.email', 'not-an-email', 'citizen.email'],
    ['citizen.phone', '87011234567', 'citizen.phone'],
    ['citizen.phone', undefined, 'citizen.phone'],
    ['citizen.preferredChannel', 'telegram', 'citizen.preferredChannel'],
    ['channel', 'c'.repeat(65), 'channel'],
    ['submittedAt', '2025-03-01 09:30', 'submittedAt'],
    ['submittedAt', '2025-03-01T09:30:00', 'submittedAt'],
    ['submittedAt', '2025-02-29T09:30:00+05:00', 'submittedAt'],
    ['submittedAt', '2024-12-31T23:59:60Z', 'submittedAt'],
    ['submittedAt', '0000-01-01T00:00:00Z', 'submittedAt'],
    ['attachments', 'file', 'attachments'],
    ['attachments.0.sha256', 'abc', 'attachments.0.sha256'],
    ['attachments.0.url', 'http://files.example.kz/a/123', 'attachments.0.url'],
    ['attachments.0.sizeBytes', 50 * 1024 * 1024 + 1, 'attachments.0.sizeBytes'],
    ['attachments.0.sizeBytes', -1, 'attachments.0.sizeBytes'],
    ['attachments.0.sizeBytes', '12', 'attachments.0.sizeBytes'],
    ['attachments.0.mediaType', 'jpeg', 'attachments.0.mediaType'],
    ['attachments.0.name', undefined, 'attachments.0.name'],
    ['attachments.0', 'x', 'attachments.0'],
  ])('rejects a bad %s (case %#)', (path, value, field) => {
    expect(fieldsOf(appealWith(path, value))).toEqual([field]);
  });

  it('rejects more than 20 attachments', () => {
    const attachment = (goodAppeal().attachments as unknown[])[0];
    expect(
      fieldsOf(
        appealWith(
          'attachments',
          Array.from({ length: 21 }, () => attachment),
        ),
      ),
    ).toEqual(['attachments']);
  });

  it('requires the contact of the preferred channel, saying why', () => {
    expect(errorsOf(appealWith('citizen', { fullName: 'A', preferredChannel: 'email' }))).toEqual([
      {
        field: 'citizen.email',
        reason: 'email is required when preferredChannel is email',
        code: 'requiredForChannel',
        params: { channel: 'email' },
      },
    ]);
    expect(
      errorsOf(appealWith('citizen', { fullName: 'A', email: 'a@example.kz', preferredChannel: 'sms' })),
    ).toEqual([
      {
        field: 'citizen.phone',
        reason: 'phone is required when preferredChannel is sms',
        code: 'requiredForChannel',
        params: { channel: 'sms' },
      },
    ]);
  });

  it('names a null contact as null, not as missing for a channel the citizen did not choose', () => {
    expect(
      errorsOf(
        appealWith('citizen', {
          fullName: 'A',
          email: 'a@example.kz',
          phone: null,
          preferredChannel: 'email',
        }),
      ),
    ).toEqual([
      {
        field: 'citizen.phone',
        reason: 'phone must not be null: leave it out when there is none',
        code: 'notNull',
      },
      {
        field: 'citizen.phone',
        reason: 'phone must be an E.164 phone number, e.g. +77011234567',
        code: 'e164Phone',
      },
    ]);
  });

  it.each([
    ['__proto__', '{"__proto__": {"admin": true}, ', '__proto__'],
    ['constructor', '{"constructor": 1, ', 'constructor'],
  ])('refuses a %s key like any unknown property, at the top and nested', (key, prefix, field) => {
    const json = JSON.stringify(goodAppeal());
    const top = JSON.parse(json.replace('{', prefix)) as unknown;
    const nested = JSON.parse(json.replace('"citizen":{', `"citizen":${prefix}`)) as unknown;
    expect(errorsOf(top)).toEqual([
      { field, reason: `property ${key} should not exist`, code: 'whitelistValidation' },
    ]);
    expect(errorsOf(nested)).toEqual([
      { field: `citizen.${field}`, reason: `property ${key} should not exist`, code: 'whitelistValidation' },
    ]);
  });

  it('gives the IIN defect in words', () => {
    expect(errorsOf(appealWith('citizen.iin', '900101300018'))).toEqual([
      { field: 'citizen.iin', reason: 'iin check digit is wrong', code: 'iinCheckDigit' },
    ]);
  });

  it('rejects unknown properties at any depth instead of dropping them', () => {
    expect(errorsOf(appealWith('regionCode', '751110000'))).toEqual([
      { field: 'regionCode', reason: 'property regionCode should not exist', code: 'whitelistValidation' },
    ]);
    expect(errorsOf(appealWith('citizen.address', 'Абай даңғылы 1'))).toEqual([
      { field: 'citizen.address', reason: 'property address should not exist', code: 'whitelistValidation' },
    ]);
  });

  it('names every bad field at once', () => {
    const appeal = appealWith('kind', 'petition');
    appeal.language = 'de';
    (appeal.citizen as Record<string, unknown>).iin = '123';
    expect(fieldsOf(appeal)).toEqual(expect.arrayContaining(['kind', 'language', 'citizen.iin']));
  });

  it.each([null, 'appeal', 42, [], true])('rejects the non-object %p as a whole', (plain) => {
    expect(errorsOf(plain)).toEqual([
      { field: '', reason: expect.stringContaining('must be a JSON object'), code: 'jsonObject' },
    ]);
  });

  it('is not fooled by a __proto__ key', () => {
    const plain: unknown = JSON.parse('{"__proto__": {"kind": "complaint"}}');
    expect(validatePayload(SubmittedAppealData, plain).ok).toBe(false);
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });
});

describe('validatePayload(SubmittedAppealData), numbers', () => {
  it.each<[string, unknown]>([
    ['1e400 (Infinity once parsed)', JSON.parse('1e400')],
    ['2 ** 60', 2 ** 60],
    ['1.5', 1.5],
    ['NaN', NaN],
  ])('refuses sizeBytes %s', (_case, sizeBytes) => {
    expect(fieldsOf(appealWith('attachments.0.sizeBytes', sizeBytes))).toEqual(['attachments.0.sizeBytes']);
  });

  it('takes -0 as the zero it is, and JSON writes it as 0', () => {
    const result = validatePayload(SubmittedAppealData, appealWith('attachments.0.sizeBytes', -0));
    expect(result.ok).toBe(true);
    expect(JSON.stringify(result.ok && result.value.attachments?.[0])).toContain('"sizeBytes":0');
  });
});

describe('validatePayload(SubmittedAppealData), the size of the answer', () => {
  it(`lists at most ${MAX_FIELD_ERRORS} field errors and says how many more there are`, () => {
    const unknown = Object.fromEntries(Array.from({ length: 900 }, (_, i) => [`extra${i}`, i]));
    const errors = errorsOf({ ...goodAppeal(), ...unknown });
    expect(errors).toHaveLength(MAX_FIELD_ERRORS + 1);
    expect(errors[MAX_FIELD_ERRORS]).toEqual({
      field: '',
      reason: `${900 - MAX_FIELD_ERRORS} more field errors not listed`,
      code: 'moreFieldErrors',
      params: { count: 900 - MAX_FIELD_ERRORS },
    });
  });

  it('answers 100 000 unknown keys with one error', () => {
    const unknown = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`extra${i}`, i]));
    expect(errorsOf({ ...goodAppeal(), ...unknown })).toEqual([
      {
        field: '',
        reason: `value must have at most ${MAX_JSON_ENTRIES} properties`,
        code: 'maxEntries',
        params: { max: MAX_JSON_ENTRIES, count: MAX_JSON_ENTRIES },
      },
    ]);
  });

  it('refuses 100 000 levels of nesting in an unknown field, naming it', () => {
    const levels = 100_000;
    const deep = JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`) as unknown;
    expect(fieldsOf({ ...goodAppeal(), extra: deep })).toEqual([`extra${'.a'.repeat(31)}`]);
    expect(fieldsOf(appealWith('citizen.fullName', deep))).toEqual([`citizen.fullName${'.a'.repeat(30)}`]);
  });
});

/** Any UTF-16 code unit, so that NUL and lone surrogates turn up as often as letters. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
const anyString = fc.string({ unit: anyCodeUnit });
/** A code unit no database column can hold as it came: NUL or a lone surrogate. */
const unstorableUnit = fc.oneof(
  fc.constant('\u0000'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
);

/** The dotted path of every string in `value`. */
function stringPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    stringPaths(child, path === '' ? key : `${path}.${key}`),
  );
}

function isStorable(text: string): boolean {
  return !text.includes('\u0000') && Buffer.from(text, 'utf8').toString('utf8') === text;
}

function valueAt(plain: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], plain);
}

describe('validatePayload(SubmittedAppealData), property-based', () => {
  const validate = (plain: unknown) => validatePayload(SubmittedAppealData, plain);

  it('never throws on any JSON, and a refusal names fields, at most a capped list of them', () => {
    const json = fc.oneof(
      fc.jsonValue({ stringUnit: anyCodeUnit }),
      fc.dictionary(anyString, fc.jsonValue({ stringUnit: anyCodeUnit })),
      fc.anything({ withNullPrototype: true, withSparseArray: true, withObjectString: true }),
    );
    fc.assert(
      fc.property(json, (plain) => {
        const result = validate(plain);
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        expect(result.errors.length).toBeLessThanOrEqual(MAX_FIELD_ERRORS + 1);
        for (const error of result.errors) {
          expect(typeof error.field).toBe('string');
          expect(typeof error.reason).toBe('string');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when any field of a valid appeal is replaced by any JSON', () => {
    const paths = stringPaths(goodAppeal()).concat('citizen', 'attachments', 'attachments.0');
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ stringUnit: anyCodeUnit }), (path, value) => {
        const result = validate(appealWith(path, value));
        expect(result.ok || result.errors.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a valid appeal with NUL or a lone surrogate anywhere in any string, naming that field', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...stringPaths(goodAppeal())),
        unstorableUnit,
        fc.nat(),
        (path, unit, at) => {
          const text = valueAt(goodAppeal(), path) as string;
          const position = at % (text.length + 1);
          const result = validate(
            appealWith(path, `${text.slice(0, position)}${unit}${text.slice(position)}`),
          );
          expect(result.ok).toBe(false);
          if (result.ok) return;
          expect(result.errors.map((error) => error.field)).toEqual([path]);
        },
      ),
    );
  });

  it('refuses an unstorable key anywhere in a valid appeal, naming it', () => {
    const objects = ['', 'citizen', 'attachments.0'];
    fc.assert(
      fc.property(fc.constantFrom(...objects), anyString, unstorableUnit, (path, key, unit) => {
        const appeal = goodAppeal();
        const target = (path === '' ? appeal : valueAt(appeal, path)) as Record<string, unknown>;
        // Fenced by '|': a generated key ending in a high surrogate would otherwise pair with a low one.
        target[`${key}|${unit}|`] = 'x';
        const result = validate(appeal);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.errors).toHaveLength(1);
        expect(result.errors[0]?.field.startsWith(path)).toBe(true);
        expect(result.errors[0]?.reason).toMatch(/^property name /);
      }),
    );
  });

  it('lets through only appeals whose every string is storable, and unchanged by a JSON round trip', () => {
    const freeText = ['externalId', 'subject', 'text', 'channel', 'citizen.fullName', 'attachments.0.name'];
    const edits = fc.array(fc.tuple(fc.constantFrom(...freeText), anyString), { minLength: 1, maxLength: 4 });
    let passed = 0;
    fc.assert(
      fc.property(edits, (changes) => {
        const appeal = changes.reduce((plain, [path, text]) => withValue(plain, path, text), goodAppeal());
        const result = validate(appeal);
        if (!result.ok) return;
        passed += 1;
        for (const path of stringPaths(result.value))
          expect(isStorable(valueAt(result.value, path) as string)).toBe(true);
        expect(JSON.parse(JSON.stringify(result.value))).toEqual(appeal);
      }),
      { numRuns: 300 },
    );
    // The property says something only if some generated appeals pass.
    expect(passed).toBeGreaterThan(0);
  });
});
