import { validatePayload, type FieldError } from '../validation';
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

/** The good appeal with one dotted path set to `value` (or removed, for undefined). */
function appealWith(path: string, value: unknown): Record<string, unknown> {
  const appeal = goodAppeal();
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
      { field: 'citizen.email', reason: 'email is required when preferredChannel is email' },
    ]);
    expect(
      errorsOf(appealWith('citizen', { fullName: 'A', email: 'a@example.kz', preferredChannel: 'sms' })),
    ).toEqual([{ field: 'citizen.phone', reason: 'phone is required when preferredChannel is sms' }]);
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
      { field: 'citizen.phone', reason: 'phone must not be null: leave it out when there is none' },
      { field: 'citizen.phone', reason: 'phone must be an E.164 phone number, e.g. +77011234567' },
    ]);
  });

  it.each([
    ['__proto__', '{"__proto__": {"admin": true}, ', '__proto__'],
    ['constructor', '{"constructor": 1, ', 'constructor'],
  ])('refuses a %s key like any unknown property, at the top and nested', (key, prefix, field) => {
    const json = JSON.stringify(goodAppeal());
    const top = JSON.parse(json.replace('{', prefix)) as unknown;
    const nested = JSON.parse(json.replace('"citizen":{', `"citizen":${prefix}`)) as unknown;
    expect(errorsOf(top)).toEqual([{ field, reason: `property ${key} should not exist` }]);
    expect(errorsOf(nested)).toEqual([
      { field: `citizen.${field}`, reason: `property ${key} should not exist` },
    ]);
  });

  it('gives the IIN defect in words', () => {
    expect(errorsOf(appealWith('citizen.iin', '900101300018'))).toEqual([
      { field: 'citizen.iin', reason: 'iin check digit is wrong' },
    ]);
  });

  it('rejects unknown properties at any depth instead of dropping them', () => {
    expect(errorsOf(appealWith('regionCode', '751110000'))).toEqual([
      { field: 'regionCode', reason: 'property regionCode should not exist' },
    ]);
    expect(errorsOf(appealWith('citizen.address', 'Абай даңғылы 1'))).toEqual([
      { field: 'citizen.address', reason: 'property address should not exist' },
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
      { field: '', reason: expect.stringContaining('must be a JSON object') },
    ]);
  });

  it('is not fooled by a __proto__ key', () => {
    const plain: unknown = JSON.parse('{"__proto__": {"kind": "complaint"}}');
    expect(validatePayload(SubmittedAppealData, plain).ok).toBe(false);
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });
});
