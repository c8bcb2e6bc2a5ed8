import { EventTypes, Topics, type AppealRegisteredData } from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import { DLQ_REASON_CODE_HEADER, DLQ_REASON_HEADER } from '@app/messaging';
import { EventTap, submittedAppeal, submittedEvent } from '@app/testing';
import type { Producer } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { startIntakeInProcess, type InProcessIntake } from '../support/in-process-intake';

/**
 * The legal term counts from receipt: intake, as it runs in production, against the real broker and
 * database, puts a believable `submittedAt` on `registered` as `receivedAt` and refuses one too far ahead
 * of its clock (default tolerance PT5M) at both entrances, naming the field.
 */
jest.setTimeout(90_000);

const HOUR = 3600_000;
const STRUCTURED = { 'content-type': 'application/cloudevents+json' };

let intake: InProcessIntake;
let baseUrl: string;
let producer: Producer;
let tap: EventTap;

beforeAll(async () => {
  delete process.env.INTAKE_SUBMITTED_AT_FUTURE_TOLERANCE;
  delete process.env.INTAKE_SUBMITTED_AT_MAX_AGE;
  intake = await startIntakeInProcess('intake-received-at-test');
  ({ baseUrl, producer, tap } = intake);
});

afterAll(async () => {
  await intake?.stop();
});

function hoursFromNow(hours: number): string {
  return new Date(Date.now() + hours * HOUR).toISOString();
}

async function post(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${baseUrl}/api/v1/appeals`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
      authorization: intake.authorization,
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function registeredBy(sourceEventId: string): AppealRegisteredData | undefined {
  return tap.events<AppealRegisteredData>(
    Topics.events,
    (event) => event.type === EventTypes.registered && event.data.sourceEventId === sourceEventId,
  )[0]?.event.data;
}

async function publish(
  data: unknown,
  id = randomUUID(),
): Promise<{ key: string; id: ReturnType<typeof randomUUID> }> {
  const key = `received-at-${randomUUID()}`;
  const event = submittedEvent(data as ReturnType<typeof submittedAppeal>, id);
  await producer.send({
    topic: Topics.intake,
    acks: -1,
    messages: [{ key, value: JSON.stringify(event), headers: STRUCTURED }],
  });
  return { key, id };
}

describe('receivedAt over HTTP', () => {
  it('answers 400 naming submittedAt when it lies more than the tolerance in the future', async () => {
    const answer = await post(submittedAppeal({ submittedAt: hoursFromNow(1) }));
    expect(answer).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'invalid-request',
        message: 'the request has invalid fields',
        fieldErrors: [
          {
            field: 'submittedAt',
            reason: expect.stringContaining('more than PT5M ahead'),
            code: 'submittedAtTooFarAhead',
            message: expect.stringMatching(
              /^submittedAt must not be more than PT5M ahead of the server's clock/,
            ),
          },
        ],
      },
    });
  });

  it('answers 400 naming submittedAt when it is older than the maximum age', async () => {
    const answer = await post(submittedAppeal({ submittedAt: hoursFromNow(-31 * 24) }));
    expect(answer.status).toBe(400);
    expect(answer.body.fieldErrors).toEqual([
      {
        field: 'submittedAt',
        reason: expect.stringContaining('more than P30D before'),
        code: 'submittedAtTooOld',
        message: expect.stringMatching(
          /^submittedAt must not be more than P30D before the appeal is received/,
        ),
      },
    ]);
  });

  it('publishes a valid submittedAt as receivedAt on registered', async () => {
    const submittedAt = hoursFromNow(-5);
    const answer = await post(submittedAppeal({ submittedAt }));
    expect(answer.status).toBe(201);
    const registered = await waitUntil('registered published', async () =>
      tap
        .events<AppealRegisteredData>(
          Topics.events,
          (event) => event.type === EventTypes.registered && event.data.appealId === answer.body.id,
        )
        .at(0),
    );
    expect(registered.event.data).toMatchObject({ submittedAt, receivedAt: submittedAt });
  });
});

describe('receivedAt on the intake topic', () => {
  it('dead-letters a submittedAt too far in the future as invalid-data naming data.submittedAt', async () => {
    const { key, id } = await publish(submittedAppeal({ submittedAt: hoursFromNow(2) }));
    const record = await waitUntil('dead letter written', async () =>
      tap.records.find((candidate) => candidate.topic === Topics.intakeDeadLetter && candidate.key === key),
    );
    expect(record.headers[DLQ_REASON_CODE_HEADER]).toBe('invalid-data');
    const reason = JSON.parse(record.headers[DLQ_REASON_HEADER]) as { fieldErrors: unknown[] };
    expect(reason.fieldErrors).toEqual([
      { field: 'data.submittedAt', reason: expect.stringContaining('more than PT5M ahead') },
    ]);
    expect(registeredBy(id)).toBeUndefined();

    // Nothing was registered: the publisher corrects the date and sends the same id again.
    const submittedAt = hoursFromNow(-1);
    await publish(submittedAppeal({ submittedAt }), id);
    const registered = await waitUntil('the corrected event registered', async () => registeredBy(id));
    expect(registered.receivedAt).toBe(submittedAt);
  });

  it('registers a valid one with its submittedAt as receivedAt, and one without it at the moment of receipt', async () => {
    const submittedAt = hoursFromNow(-26);
    const given = await publish(submittedAppeal({ submittedAt }));
    const before = Date.now();
    const absent = await publish(submittedAppeal({ submittedAt: undefined }));

    const withDate = await waitUntil('registered published', async () => registeredBy(given.id));
    expect(withDate).toMatchObject({ submittedAt, receivedAt: submittedAt });
    const received = await waitUntil('registered published', async () => registeredBy(absent.id));
    expect(received.submittedAt).toBeUndefined();
    expect(Date.parse(received.receivedAt as string)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(received.receivedAt as string)).toBeLessThanOrEqual(Date.parse(received.registeredAt));
  });
});
