import { submittedAppeal } from '@app/testing';
import { startIntakeInProcess, type InProcessIntake } from '../support/in-process-intake';

/**
 * A publisher or a person gets refusals in the language it asks for with Accept-Language (kk, ru, en):
 * intake as it runs in production, against the real broker and database. `reason` and `code` are the same
 * whatever the language, so that programs that read them are not affected.
 */
jest.setTimeout(120_000);

let intake: InProcessIntake;
let baseUrl: string;

beforeAll(async () => {
  intake = await startIntakeInProcess('intake-languages-test');
  ({ baseUrl } = intake);
});

afterAll(async () => {
  await intake?.stop();
});

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function send(path: string, init: RequestInit & { language?: string } = {}): Promise<Answer> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    authorization: intake.authorization,
  };
  if (init.language !== undefined) headers['accept-language'] = init.language;
  const response = await fetch(`${baseUrl}${path}`, { ...init, headers: { ...headers, ...init.headers } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A bad IIN (its check digit), a subject one letter too long, and a misspelt field. */
function badAppeal(): Record<string, unknown> {
  const appeal = submittedAppeal({ subject: 'ж'.repeat(301) }) as unknown as Record<string, unknown>;
  const citizen = appeal.citizen as Record<string, unknown>;
  const iin = citizen.iin as string;
  citizen.iin = `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;
  appeal.regionKatto = appeal.regionKato;
  return appeal;
}

function postBadAppeal(language?: string): Promise<Answer> {
  return send('/api/v1/appeals', { method: 'POST', body: JSON.stringify(badAppeal()), language });
}

const REASONS = {
  unknown: {
    field: 'regionKatto',
    reason: 'property regionKatto should not exist',
    code: 'whitelistValidation',
  },
  subject: {
    field: 'subject',
    reason: 'subject must be shorter than or equal to 300 characters',
    code: 'isLength',
  },
  iin: { field: 'citizen.iin', reason: 'iin check digit is wrong', code: 'iinCheckDigit' },
};

describe('POST /api/v1/appeals refused, by Accept-Language', () => {
  it.each<[string, string | undefined, string, [string, string, string]]>([
    [
      'Kazakh',
      'kk',
      'Сұраудың кейбір өрістері дұрыс толтырылмаған.',
      [
        'Белгісіз өріс: «regionKatto».',
        '«subject» өрісінің ұзындығы 1–300 таңба болуы керек.',
        '«citizen.iin» өрісі: ЖСН-нің бақылау разряды (соңғы цифры) қате.',
      ],
    ],
    [
      'Russian',
      'ru-KZ,ru;q=0.9,en;q=0.5',
      'Некоторые поля запроса заполнены неверно.',
      [
        'Неизвестное поле «regionKatto».',
        'Длина поля «subject» должна быть от 1 до 300 символов.',
        'Поле «citizen.iin»: неверный контрольный разряд ИИН (последняя цифра).',
      ],
    ],
    [
      'English',
      'en-GB',
      'the request has invalid fields',
      [
        'unknown property regionKatto',
        'subject must be 1 to 300 characters long',
        "citizen.iin: the IIN's check digit is wrong",
      ],
    ],
    [
      'English, when no language of ours is asked for',
      'de, fr;q=0.5',
      'the request has invalid fields',
      [
        'unknown property regionKatto',
        'subject must be 1 to 300 characters long',
        "citizen.iin: the IIN's check digit is wrong",
      ],
    ],
    [
      'English, without Accept-Language',
      undefined,
      'the request has invalid fields',
      [
        'unknown property regionKatto',
        'subject must be 1 to 300 characters long',
        "citizen.iin: the IIN's check digit is wrong",
      ],
    ],
  ])('answers in %s', async (_case, language, message, [unknown, subject, iin]) => {
    const answer = await postBadAppeal(language);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid-request',
      message,
      fieldErrors: [
        { ...REASONS.unknown, message: unknown },
        { ...REASONS.subject, message: subject },
        { ...REASONS.iin, message: iin },
      ],
    });
  });

  it('answers a body that is not JSON in Russian, the reason still in English', async () => {
    const answer = await send('/api/v1/appeals', { method: 'POST', body: '{"subject": ', language: 'ru' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      message: 'Тело запроса не удалось прочитать.',
      fieldErrors: [
        {
          field: '',
          reason: expect.stringContaining('body is not valid JSON'),
          code: 'invalidJson',
          message: 'Тело запроса не является корректным JSON.',
        },
      ],
    });
  });

  it('answers a too long Idempotency-Key in Kazakh', async () => {
    const answer = await send('/api/v1/appeals', {
      method: 'POST',
      body: JSON.stringify(submittedAppeal()),
      headers: { 'idempotency-key': 'k'.repeat(201) },
      language: 'kk',
    });
    expect(answer.status).toBe(400);
    expect(answer.body.fieldErrors).toEqual([
      {
        field: 'Idempotency-Key',
        reason: 'Idempotency-Key must be at most 200 characters',
        code: 'maxLength',
        message: '«Idempotency-Key» өрісінің ұзындығы ең көбі 200 таңба болуы керек.',
      },
    ]);
  });
});

describe('other refusals, by Accept-Language', () => {
  it.each([
    ['kk', 'Мұндай нөмірі бар өтініш табылмады.'],
    ['ru', 'Обращение с таким номером не найдено.'],
    ['en', 'no appeal has this tracking number'],
  ])('answers an unknown tracking number with 404 in %s', async (language, message) => {
    const answer = await send('/api/v1/appeals/track/KZ-0000-000000', { language });
    expect(answer).toEqual({
      status: 404,
      body: { statusCode: 404, error: 'Not Found', code: 'appeal-not-found', message },
    });
  });

  it('answers a reused Idempotency-Key with 409 in Russian', async () => {
    const headers = { 'idempotency-key': `languages-${Date.now()}` };
    const first = await send('/api/v1/appeals', {
      method: 'POST',
      body: JSON.stringify(submittedAppeal()),
      headers,
    });
    expect(first.status).toBe(201);
    const second = await send('/api/v1/appeals', {
      method: 'POST',
      body: JSON.stringify(submittedAppeal()),
      headers,
      language: 'ru',
    });
    expect(second).toEqual({
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        code: 'idempotency-key-reused',
        message: 'Этот Idempotency-Key уже использован для другого обращения.',
      },
    });
  });
});

describe('OpenAPI', () => {
  it('describes the 400 body and the Accept-Language header', async () => {
    const document = (await send('/docs-json')).body as {
      paths: Record<
        string,
        Record<string, { parameters?: Array<{ name: string }>; responses: Record<string, unknown> }>
      >;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    const submit = document.paths['/api/v1/appeals']?.post;
    expect(submit?.responses['400']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/InvalidRequestResponse' } } },
    });
    expect(submit?.parameters?.map((parameter) => parameter.name)).toContain('Accept-Language');
    expect(Object.keys(document.components.schemas.FieldErrorResponse?.properties ?? {})).toEqual([
      'field',
      'reason',
      'code',
      'message',
    ]);
  });
});
