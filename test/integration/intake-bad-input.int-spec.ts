import { EventTypes, MAX_JSON_DEPTH, newCloudEvent, Topics } from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import { DLQ_REASON_CODE_HEADER, DLQ_REASON_HEADER } from '@app/messaging';
import { EventTap, PORTAL_SOURCE, submittedAppeal, submittedEvent } from '@app/testing';
import fc from 'fast-check';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { startIntakeInProcess, type InProcessIntake } from '../support/in-process-intake';
import { rawRequest } from '../support/raw-request';

/**
 * Intake as it runs in production (runService: body parser, validation pipe, CloudEvents transport), in
 * this process, against the real broker and database, fed with generated input through both entrances.
 * Whatever comes in ends in a 201 or a 4xx over HTTP, and in a registration or a dead letter with its
 * reason over Kafka: never a 5xx, a stopped consumer or a retry loop.
 */
jest.setTimeout(120_000);

let intake: InProcessIntake;
let baseUrl: string;
let producer: Producer;
let tap: EventTap;

beforeAll(async () => {
  intake = await startIntakeInProcess('intake-bad-input-test');
  ({ baseUrl, producer, tap } = intake);
});

afterAll(async () => {
  await intake?.stop();
});

/** Any UTF-16 code unit, so that NUL and lone surrogates turn up as often as letters. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));
/** A code unit no database column can hold as it came: NUL or a lone surrogate. */
const unstorableUnit = fc.oneof(
  fc.constant('\u0000'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit)),
);
const anyJson = fc.jsonValue({ stringUnit: anyCodeUnit });

type Appeal = Record<string, unknown>;

function appeal(): Appeal {
  return submittedAppeal() as unknown as Appeal;
}

/** The dotted path of every string in `value`. */
function stringPaths(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return [path];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    stringPaths(child, path === '' ? key : `${path}.${key}`),
  );
}

const APPEAL_STRINGS = stringPaths(appeal());
const APPEAL_FIELDS = [
  ...Object.keys(appeal()),
  ...Object.keys(appeal().citizen as Appeal).map((key) => `citizen.${key}`),
];

/** `plain` with the dotted `path` set to `value`. */
function withValue(plain: Appeal, path: string, value: unknown): Appeal {
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = keys.reduce<Appeal>((node, key) => node[key] as Appeal, plain);
  parent[last] = value;
  return plain;
}

function valueAt(plain: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Appeal)[key], plain);
}

/** A valid appeal with an unstorable code unit put somewhere into the string at `path`. */
const corruptedAppeal = fc
  .tuple(fc.constantFrom(...APPEAL_STRINGS), unstorableUnit, fc.nat())
  .map(([path, unit, at]) => {
    const plain = appeal();
    const text = valueAt(plain, path) as string;
    const position = at % (text.length + 1);
    return {
      path,
      appeal: withValue(plain, path, `${text.slice(0, position)}${unit}${text.slice(position)}`),
    };
  });

/** `levels` nested arrays or objects, as JSON text. */
const deepJson = fc
  .tuple(fc.integer({ min: MAX_JSON_DEPTH + 1, max: 100_000 }), fc.boolean())
  .map(([levels, arrays]) =>
    arrays ? `${'['.repeat(levels)}${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`,
  );

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function postRaw(body: string | Uint8Array): Promise<Answer> {
  const response = await fetch(`${baseUrl}/api/v1/appeals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: intake.authorization },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** JSON.stringify writes NUL as \u0000 and a lone surrogate as \ud800: the escapes a client would send. */
function post(body: unknown): Promise<Answer> {
  return postRaw(JSON.stringify(body));
}

/** A field error as every HTTP refusal gives it: the English reason, the rule's code, the message. */
function anyFieldError(field: unknown = expect.any(String)): unknown {
  return { field, reason: expect.any(String), code: expect.any(String), message: expect.any(String) };
}

/** The 4xx body every refusal has, whatever was wrong. */
function expectRefusal(answer: Answer, status = 400): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({
    statusCode: status,
    error: expect.any(String),
    code: 'invalid-request',
    message: expect.any(String),
    fieldErrors: expect.arrayContaining([anyFieldError()]),
  });
}

describe('POST /api/v1/appeals with input the database cannot store', () => {
  it.each([
    ['NUL', 'a\u0000b', 'NUL character', 'nulCharacter'],
    ['a lone surrogate', 'a\ud800b', 'lone UTF-16 surrogates', 'loneSurrogate'],
  ])('answers 400 naming text for %s in text', async (_case, text, reason, code) => {
    const answer = await post(submittedAppeal({ text }));
    expect(answer.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid-request',
      message: 'the request has invalid fields',
      fieldErrors: [
        {
          field: 'text',
          reason: expect.stringContaining(reason),
          code,
          message: expect.stringMatching(/^text /),
        },
      ],
    });
  });

  it.each([
    ['arrays', '['.repeat(100_000), ']'.repeat(100_000)],
    ['objects', '{"a":'.repeat(100_000), `1${'}'.repeat(100_000)}`],
  ])('answers 400 to 100 000 levels of nested %s', async (_case, open, close) => {
    expectRefusal(await postRaw(`${open}${close}`));
  });

  it('answers 400 naming the field nested too deep inside an appeal', async () => {
    const json = JSON.stringify(submittedAppeal()).replace(
      '"text":',
      `"extra":${'['.repeat(100_000)}${']'.repeat(100_000)},"text":`,
    );
    expect((await postRaw(json)).body.fieldErrors).toEqual([
      {
        field: `extra${'.0'.repeat(MAX_JSON_DEPTH - 1)}`,
        reason: expect.stringContaining('nested deeper'),
        code: 'maxDepth',
        message: expect.stringContaining(`nested deeper than ${MAX_JSON_DEPTH} levels`),
      },
    ]);
  });

  it.each(['{"text": ', '{"text": "Әсел"', '{"text": Әсел}', '{"a":1}}'])(
    'answers 400 to a body that is not JSON, without quoting it (%#)',
    async (body) => {
      const answer = await postRaw(body);
      expectRefusal(answer);
      expect(answer.body.message).toBe('the request body cannot be read');
      expect(JSON.stringify(answer.body)).not.toContain('Әсел');
    },
  );

  it('answers 400 to bytes that are not UTF-8 rather than storing U+FFFD in their place', async () => {
    const bytes = Buffer.concat([Buffer.from('{"text": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    const answer = await postRaw(bytes);
    expectRefusal(answer);
    expect(answer.body.fieldErrors).toEqual([
      {
        field: '',
        reason: 'the request body is not valid UTF-8',
        code: 'invalidUtf8',
        message: 'the request body is not valid UTF-8',
      },
    ]);
  });

  it('answers 413 in the same shape to a body over the limit', async () => {
    expectRefusal(await post(submittedAppeal({ text: 'ә'.repeat(600_000) })), 413);
  });
});

describe('paths and headers the database cannot store', () => {
  it('answers 400 naming the part, never a 500: a NUL in the path, bytes that are not UTF-8 in a header', async () => {
    const path = await rawRequest(baseUrl, 'GET', '/api/v1/appeals/track/KZ-2026-%00');
    expect(path.status).toBe(400);
    expect(path.body).toMatchObject({
      code: 'invalid-request',
      fieldErrors: [{ field: 'url', code: 'invalidCharacters' }],
    });
    const header = await rawRequest(baseUrl, 'POST', '/api/v1/appeals', [
      ['Idempotency-Key', Buffer.from([0x6b, 0xc3, 0x28])],
    ]);
    expect(header.status).toBe(400);
    expect(header.body).toMatchObject({
      fieldErrors: [{ field: 'headers.idempotency-key', code: 'invalidCharacters' }],
    });
  });
});

describe('POST /api/v1/appeals with generated bodies (property-based)', () => {
  type Case = { body: string | Uint8Array; outcome: 'created' | 'refused' | 'either'; field?: string };
  const cases: fc.Arbitrary<Case> = fc.oneof(
    fc.constant(null).map(() => ({ body: JSON.stringify(appeal()), outcome: 'created' as const })),
    corruptedAppeal.map(({ path, appeal }) => ({
      body: JSON.stringify(appeal),
      outcome: 'refused' as const,
      field: path,
    })),
    fc.tuple(fc.constantFrom(...APPEAL_FIELDS), anyJson).map(([path, value]) => ({
      body: JSON.stringify(withValue(appeal(), path, value)),
      outcome: 'either' as const,
    })),
    anyJson.map((value) => ({ body: JSON.stringify(value), outcome: 'either' as const })),
    fc.string({ unit: anyCodeUnit }).map((body) => ({ body, outcome: 'either' as const })),
    fc.uint8Array({ minLength: 1 }).map((body) => ({ body, outcome: 'either' as const })),
    deepJson.map((body) => ({ body, outcome: 'refused' as const })),
  );

  it('answers each with 201 or a 4xx in the contract shape, never a 5xx, and keeps answering', async () => {
    await fc.assert(
      fc.asyncProperty(cases, async ({ body, outcome, field }) => {
        const answer = await postRaw(body);
        expect(answer.status).toBeLessThan(500);
        if (outcome === 'created') expect(answer.status).toBe(201);
        if (outcome === 'refused') expect(answer.status).toBeGreaterThanOrEqual(400);
        if (answer.status >= 400) expectRefusal(answer, answer.status);
        if (field !== undefined) expect(answer.body.fieldErrors).toEqual([anyFieldError(field)]);
      }),
      { numRuns: 120 },
    );
    expect((await fetch(`${baseUrl}/health/live`)).status).toBe(200);
    expect((await post(appeal())).status).toBe(201);
  });
});

describe('appeals.intake.v1 with generated messages (property-based)', () => {
  type Headers = Record<string, string | Buffer>;
  /** What must become of a message: registered, or dead-lettered with one of these codes (and naming a field). */
  type Outcome = { registered: string } | { deadLetter: string[]; field?: string };
  type Message = { value: string | Buffer | null; headers: Headers; outcome: Outcome };

  const STRUCTURED: Headers = { 'content-type': 'application/cloudevents+json; charset=utf-8' };
  const eventOf = (data: unknown, id: string = randomUUID()) =>
    newCloudEvent({ type: EventTypes.submitted, source: PORTAL_SOURCE, id, data });
  const binaryHeaders = (id: string): Headers => ({
    ce_specversion: '1.0',
    ce_id: id,
    ce_source: 'urn:kz:egov:portal',
    ce_type: EventTypes.submitted,
    'content-type': 'application/json',
  });

  const messages: fc.Arbitrary<Message> = fc.oneof(
    fc.uuid().map((id) => ({
      value: JSON.stringify(eventOf(appeal(), id)),
      headers: STRUCTURED,
      outcome: { registered: id },
    })),
    fc.uuid().map((id) => ({
      value: JSON.stringify(appeal()),
      headers: binaryHeaders(id),
      outcome: { registered: id },
    })),
    corruptedAppeal.map(({ path, appeal }) => ({
      value: JSON.stringify(eventOf(appeal)),
      headers: STRUCTURED,
      outcome: { deadLetter: ['invalid-data'], field: `data.${path}` },
    })),
    fc
      .tuple(fc.constantFrom('id', 'source', 'subject', 'traceparent'), unstorableUnit)
      .map(([name, unit]) => ({
        value: JSON.stringify({ ...eventOf(appeal()), [name]: `x${unit}y` }),
        headers: STRUCTURED,
        outcome: { deadLetter: ['invalid-cloudevent'], field: name },
      })),
    fc.constantFrom('ce_id', 'ce_source', 'ce_subject').map((header) => ({
      value: JSON.stringify(appeal()),
      headers: { ...binaryHeaders(randomUUID()), [header]: 'x\u0000y' },
      outcome: { deadLetter: ['invalid-cloudevent'], field: header.slice('ce_'.length) },
    })),
    fc.uint8Array({ minLength: 1, maxLength: 8 }).map((bytes) => ({
      value: JSON.stringify(appeal()),
      headers: { ...binaryHeaders(randomUUID()), ce_id: Buffer.concat([Buffer.from([0xff]), bytes]) },
      outcome: { deadLetter: ['invalid-encoding'] },
    })),
    anyJson
      .filter((data) => data !== null)
      .map((data) => ({
        value: JSON.stringify(eventOf(data)),
        headers: STRUCTURED,
        outcome: { deadLetter: ['invalid-data'] },
      })),
    deepJson.map((data) => ({
      value: JSON.stringify(eventOf(null)).replace('"data":null', `"data":${data}`),
      headers: STRUCTURED,
      outcome: { deadLetter: ['invalid-data'] },
    })),
    fc.uint8Array({ minLength: 1 }).map((bytes) => ({
      value: Buffer.from(bytes),
      headers: {},
      outcome: { deadLetter: ['invalid-encoding', 'invalid-json', 'invalid-cloudevent'] },
    })),
    fc.string({ unit: anyCodeUnit, minLength: 1 }).map((text) => ({
      value: text,
      headers: {},
      outcome: { deadLetter: ['invalid-json', 'invalid-cloudevent'] },
    })),
  );

  async function publish(batch: Message[]): Promise<string[]> {
    const keys = batch.map(() => `bad-input-${randomUUID()}`);
    await producer.send({
      topic: Topics.intake,
      acks: -1,
      messages: batch.map(({ value, headers }, index) => ({ key: keys[index], value, headers })),
    });
    return keys;
  }

  function registered(sourceEventId: string): boolean {
    return (
      tap.events<{ sourceEventId?: string }>(
        Topics.events,
        (event) => event.type === EventTypes.registered && event.data.sourceEventId === sourceEventId,
      ).length > 0
    );
  }

  function deadLetterOf(key: string): { code: string; fields: string[] } | undefined {
    const record = tap.records.find(
      (candidate) => candidate.topic === Topics.intakeDeadLetter && candidate.key === key,
    );
    if (record === undefined) return undefined;
    const reason = JSON.parse(record.headers[DLQ_REASON_HEADER]) as {
      fieldErrors?: Array<{ field: string }>;
    };
    return {
      code: record.headers[DLQ_REASON_CODE_HEADER],
      fields: (reason.fieldErrors ?? []).map((error) => error.field),
    };
  }

  it('registers each good one and dead-letters each bad one with its reason, and the consumer keeps going', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(messages, { minLength: 30, maxLength: 30 }), async (batch) => {
        const keys = await publish(batch);
        await waitUntil(
          'every generated message registered or dead-lettered',
          async () =>
            batch.every(({ outcome }, index) =>
              'registered' in outcome
                ? registered(outcome.registered)
                : deadLetterOf(keys[index]) !== undefined,
            ),
          { timeoutMs: 60_000 },
        );
        batch.forEach(({ outcome }, index) => {
          if ('registered' in outcome) return;
          const deadLetter = deadLetterOf(keys[index]);
          expect(outcome.deadLetter).toContain(deadLetter?.code);
          if (outcome.field !== undefined) expect(deadLetter?.fields).toEqual([outcome.field]);
        });
      }),
      { numRuns: 2, endOnFailure: true },
    );
    const last = submittedEvent(submittedAppeal());
    await producer.send({
      topic: Topics.intake,
      messages: [{ value: JSON.stringify(last), headers: STRUCTURED }],
    });
    await waitUntil('the consumer still registers a good event', async () => registered(last.id), {
      timeoutMs: 30_000,
    });
  });
});
