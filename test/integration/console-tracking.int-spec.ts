import { citizenDecisionSecret, Topics } from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import { LifecyclePublisher, testDatabaseUrl, testKafka, validIin } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../../apps/console/src/access/principal';
import { CaseHistory, type AppealDetails } from '../support/case-history';
import { InProcessConsole } from '../support/console-in-process';
import { postToConsole } from '../support/console-requests';

/**
 * The citizen's public pages' data, on the console as it runs (real Kafka and PostgreSQL): the status of a
 * tracking number holds the steps and no personal data, the answer needs the secret of its link, and both
 * routes are limited per address.
 */
jest.setTimeout(180_000);

const LINK_KEY = 'test-tracking-link-key-0123456789abcdef';
const TRACKING_LIMIT = 25;
const ALMATY_AKIMAT = 'akimat-almaty';
const principals: Record<string, Principal> = {
  operator: { kind: 'staff', userId: 'op-almaty', role: 'operator', organizationId: ALMATY_AKIMAT },
};

/**
 * The registered event carries no IIN (its contract refuses one: intake keeps it), so the console cannot leak
 * it; the check below still looks for the citizen's IIN as the portal would have sent it.
 */
const IIN = validIin('4567', '850212');
const APPEAL: Partial<AppealDetails> = {
  subject: 'Аулада жарық жоқ',
  text: 'Үш айдан бері ауладағы шамдар жанбайды, балалар қараңғыда жүреді.',
  citizen: {
    fullName: 'Ержан Сәкенұлы Төлегенов',
    email: 'yerzhan.tolegenov@example.kz',
    phone: '+77011234567',
    preferredChannel: 'email',
  },
};
const ANSWER_TEXT = 'Шамдар 15 мамырға дейін ауыстырылады.\nЖұмыс кестесі қоса беріледі.';
const EXTENSION_REASON = 'Тексеру қосымша уақытты қажет етеді';

/** Crockford base32 as intake issues tracking numbers (no I, L, O, U). */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function trackingNumber(): string {
  const part = () =>
    Array.from({ length: 4 }, () => CROCKFORD[Math.floor(Math.random() * CROCKFORD.length)]).join('');
  return `KZ-2026-${part()}-${part()}`;
}

/** A history under a tracking number of intake's form, which the public routes insist on. */
class TrackedHistory extends CaseHistory {
  override readonly trackingNumber = trackingNumber();
}

const history = new TrackedHistory(APPEAL, new Date(Date.now() - 3 * 86_400_000));
const dueAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
let consoleApp: InProcessConsole;
let publisher: LifecyclePublisher;
let db: DataSource;

interface Answer {
  status: number;
  retryAfter: string | null;
  text: string;
  body: Record<string, unknown>;
}

async function get(path: string): Promise<Answer> {
  const response = await fetch(`${consoleApp.url}${path}`, { headers: { accept: 'application/json' } });
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    text,
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
  };
}

const statusOf = (number: string) => get(`/api/v1/appeals/track/${encodeURIComponent(number)}`);
const answerOf = (number: string, query: Record<string, string>) =>
  get(`/api/v1/appeals/track/${encodeURIComponent(number)}/answer?${new URLSearchParams(query).toString()}`);

/** Waits on the read model itself, not on the limited routes. */
async function caseAtVersion(version: number): Promise<{ response_id: string | null }> {
  return waitUntil(
    `the console to fold ${version} events of the appeal`,
    async () => {
      const [row] = await db.query<Array<{ version: number; response_id: string | null }>>(
        `SELECT version, response_id FROM console.case_file WHERE appeal_id = $1`,
        [history.appealId],
      );
      return row && row.version >= version ? row : undefined;
    },
    { timeoutMs: 90_000 },
  );
}

/** Every trace of the citizen and their words, and of staff, that the public answer must not hold. */
function personalTraces(): string[] {
  const { citizen, subject, text } = history.details;
  return [
    citizen.fullName,
    citizen.email ?? '',
    citizen.phone ?? '',
    IIN,
    subject,
    text,
    ANSWER_TEXT,
    EXTENSION_REASON,
    history.appealId,
    'staff-operator-1',
    'op-almaty',
    ALMATY_AKIMAT,
  ];
}

beforeAll(async () => {
  consoleApp = new InProcessConsole({
    databaseUrl: testDatabaseUrl(),
    groupId: `console-tracking-${randomUUID()}`,
    principals,
    env: {
      CONSOLE_CITIZEN_LINK_KEY: LINK_KEY,
      CONSOLE_RATE_LIMIT_TRACKING: `${TRACKING_LIMIT}/60`,
    },
  });
  await consoleApp.start();
  db = await new DataSource({ type: 'postgres', url: testDatabaseUrl() }).initialize();
  publisher = new LifecyclePublisher(testKafka('console-tracking-test'), Topics.events);
  await publisher.connect();
  await publisher.publish(
    history.registered(),
    history.routed(),
    history.deadlineAssigned(dueAt),
    history.accepted(),
    history.deadlineWarning(dueAt),
    history.deadlineExtended(new Date(Date.now() + 20 * 86_400_000).toISOString()),
  );
  await caseAtVersion(6);
});

afterAll(async () => {
  await publisher?.disconnect();
  await db?.destroy();
  await consoleApp?.stop();
});

describe("the citizen's public status page", () => {
  it('shows the steps, the holding body and the deadline, and no personal data', async () => {
    const answer = await statusOf(history.trackingNumber);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      trackingNumber: history.trackingNumber,
      status: 'in-work',
      level: 'regional-akimat',
      organizationName: 'Алматы қаласының әкімдігі',
      registeredAt: expect.any(String),
      dueAt: new Date(dueAt).toISOString(),
      timeline: [
        { step: 'registered', at: expect.any(String) },
        { step: 'routed', at: expect.any(String), organizationName: 'Алматы қаласының әкімдігі' },
        { step: 'deadline-assigned', at: expect.any(String) },
        { step: 'accepted', at: expect.any(String) },
      ],
    });
    for (const trace of personalTraces())
      expect({ trace, shown: answer.text.includes(trace) }).toEqual({ trace, shown: false });
  });

  it('finds the number as a citizen may type it (lower case, spaces around)', async () => {
    const answer = await statusOf(`  ${history.trackingNumber.toLowerCase()} `);
    expect(answer.status).toBe(200);
    expect(answer.body.trackingNumber).toBe(history.trackingNumber);
  });

  it('answers an unknown and a malformed number with the same 404', async () => {
    const unknown = await statusOf(trackingNumber());
    const malformed = await statusOf('KZ-TEST-12345678');
    const nonsense = await statusOf("'; DROP TABLE x; --");
    expect(unknown.status).toBe(404);
    // Words for a citizen, not the staff's "no case open to you".
    expect(unknown.body.code).toBe('appeal-not-found');
    expect(malformed).toEqual(unknown);
    expect(nonsense).toEqual(unknown);
  });
});

describe('the answer of the link', () => {
  let responseId = '';
  let secret = '';

  beforeAll(async () => {
    const answered = await postToConsole(
      consoleApp.url,
      `/api/v1/cases/${history.appealId}/actions/respond`,
      { token: 'operator', ifMatch: '*', body: { text: ANSWER_TEXT } },
    );
    expect(answered.status).toBe(202);
    responseId = (await caseAtVersion(7)).response_id ?? '';
    secret = citizenDecisionSecret(LINK_KEY, history.appealId, responseId);
  });

  it('is on the status page only as the moment it was given', async () => {
    const answer = await statusOf(history.trackingNumber);
    expect(answer.body).toMatchObject({ status: 'answered', answeredAt: expect.any(String) });
    expect((answer.body.timeline as Array<{ step: string }>).map((entry) => entry.step)).toEqual([
      'registered',
      'routed',
      'deadline-assigned',
      'accepted',
      'responded',
    ]);
    for (const trace of personalTraces())
      expect({ trace, shown: answer.text.includes(trace) }).toEqual({ trace, shown: false });
  });

  it('is shown with the secret of its link', async () => {
    const answer = await answerOf(history.trackingNumber, { response: responseId, secret });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      trackingNumber: history.trackingNumber,
      organizationName: 'Алматы қаласының әкімдігі',
      respondedAt: expect.any(String),
      text: ANSWER_TEXT,
      current: true,
      caseStatus: 'answered',
      decision: null,
    });
    expect(answer.text).not.toContain(history.details.citizen.fullName);
  });

  it('answers 404 alike to a wrong secret, answer or number, and to a missing one', async () => {
    const otherResponse = randomUUID();
    const attempts = await Promise.all([
      answerOf(history.trackingNumber, { response: responseId, secret: `${secret.slice(0, -1)}A` }),
      answerOf(history.trackingNumber, { response: responseId, secret: 'short' }),
      answerOf(history.trackingNumber, {
        response: otherResponse,
        secret: citizenDecisionSecret(LINK_KEY, history.appealId, otherResponse),
      }),
      answerOf(trackingNumber(), { response: responseId, secret }),
      answerOf(history.trackingNumber, { response: responseId }),
      answerOf(history.trackingNumber, { response: 'not-a-uuid', secret }),
      answerOf('KZ-TEST-1', { response: responseId, secret }),
    ]);
    for (const attempt of attempts) {
      expect(attempt.status).toBe(404);
      expect(attempt.text).not.toContain(ANSWER_TEXT);
    }
  });

  it('shows the decision the citizen took with the link, and the status page shows the case resolved', async () => {
    const decided = await postToConsole(
      consoleApp.url,
      `/api/v1/appeals/track/${history.trackingNumber}/decision`,
      { body: { secret, decision: 'accept' } },
    );
    expect(decided.status).toBe(202);
    const answer = await answerOf(history.trackingNumber, { response: responseId, secret });
    expect(answer.body).toMatchObject({ current: true, decision: 'accepted', text: ANSWER_TEXT });
    await caseAtVersion(8);
    const status = await statusOf(history.trackingNumber);
    expect(status.body).toMatchObject({ status: 'resolved', answeredAt: expect.any(String) });
    expect((status.body.timeline as Array<{ step: string }>).at(-1)?.step).toBe('resolved');
  });
});

describe('the rate limit', () => {
  it.each([
    ['the status', () => statusOf(trackingNumber())],
    ['the answer', () => answerOf(trackingNumber(), { response: randomUUID(), secret: 'x' })],
  ])('answers 429 with Retry-After to too many lookups of %s from one address', async (_, lookup) => {
    let last: Answer | undefined;
    for (let attempt = 0; attempt <= TRACKING_LIMIT + 1 && last?.status !== 429; attempt++)
      last = await lookup();
    expect(last?.status).toBe(429);
    expect(Number(last?.retryAfter)).toBeGreaterThan(0);
  });
});
