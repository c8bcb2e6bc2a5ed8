import { Topics, type CasePageView } from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import {
  deliveryFailed,
  inAppSent,
  LifecyclePublisher,
  loginStaff,
  OwnTestDatabase,
  type NewStaffUser,
  staffWithToken,
  testKafka,
} from '@app/testing';
import { randomUUID } from 'node:crypto';
import type { NotificationPage } from '../../apps/console/src/notifications/notifications.dto';
import { CaseHistory } from '../support/case-history';
import { InProcessConsole } from '../support/console-in-process';
import { listenToLive, type LiveEvent } from '../support/live-events';

/**
 * Notification's outcomes at the console, through the real notifications topic and the console's own logins:
 * staff read their organisation's in-app messages in their own language (and nobody else's), mark them read for
 * themselves, hear of them on the live stream, and see on the case page that the citizen was not told.
 */
jest.setTimeout(180_000);

const ROOT = { username: 'notices.root', password: 'notices-root-passphrase' };
const PASSWORD = 'notices-staff-passphrase';
const database = new OwnTestDatabase('console_notifications');
const kafka = testKafka('console-notifications-int-spec');
const lifecycle = new LifecyclePublisher(kafka);
const outcomes = new LifecyclePublisher(kafka, Topics.notifications);
let consoleApp: InProcessConsole;

const startedAt = new Date(Date.now() - 3_600_000);
/** Almaty's case, and Astana's. */
const almaty = new CaseHistory({}, startedAt);
const astana = new CaseHistory(
  { organizationId: 'akimat-astana', organizationName: 'Акимат города Астаны', regionKato: '711210000' },
  startedAt,
);

const tokens: Record<'root' | 'opKk' | 'opRu' | 'opAstana' | 'supervisor' | 'central', string> = {
  root: '',
  opKk: '',
  opRu: '',
  opAstana: '',
  supervisor: '',
  central: '',
};
const userIds: Record<string, string> = {};

async function call<T = Record<string, unknown>>(
  method: string,
  path: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(`${consoleApp.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined && { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as T };
}

const list = async (token: string, query = ''): Promise<NotificationPage> => {
  const answer = await call<NotificationPage>('GET', `/api/v1/notifications${query}`, token);
  expect(answer.status).toBe(200);
  return answer.body;
};

const idsOf = (page: NotificationPage) => page.items.map((item) => item.id);

/** Waits until the console lists the message to this caller. */
async function listed(token: string, id: string): Promise<void> {
  await waitUntil(`message ${id} to be listed`, async () => idsOf(await list(token)).includes(id), {
    timeoutMs: 30_000,
    intervalMs: 200,
  });
}

const listen = (token: string, received: LiveEvent[]) =>
  listenToLive(`${consoleApp.url}/api/v1/live`, token, received);

async function staff(
  key: keyof typeof tokens,
  user: Omit<NewStaffUser, 'username' | 'password'>,
): Promise<void> {
  const created = await staffWithToken(consoleApp.url, tokens.root, {
    username: `notices.${key.toLowerCase()}`,
    password: PASSWORD,
    ...user,
  });
  tokens[key] = created.tokens.accessToken;
  userIds[key] = created.userId;
}

beforeAll(async () => {
  consoleApp = new InProcessConsole({
    databaseUrl: await database.create(),
    groupId: `console-notifications-${randomUUID()}`,
    port: 44010,
    env: {
      CONSOLE_ADMIN_USERNAME: ROOT.username,
      CONSOLE_ADMIN_PASSWORD: ROOT.password,
      CONSOLE_RATE_LIMIT: '100000/60',
      CONSOLE_RATE_LIMIT_SIGN_IN: '100000/60',
      CONSOLE_LIVE_HEARTBEAT_MS: '500',
    },
  });
  await consoleApp.start();
  tokens.root = (await loginStaff(consoleApp.url, ROOT.username, ROOT.password)).accessToken;
  await staff('opKk', { role: 'operator', organizationId: 'akimat-almaty', language: 'kk' });
  await staff('opRu', { role: 'operator', organizationId: 'akimat-almaty' });
  await staff('opAstana', { role: 'operator', organizationId: 'akimat-astana', language: 'en' });
  await staff('supervisor', { role: 'supervisor', regionKato: '750000000', language: 'en' });
  await staff('central', { role: 'central-reception', language: 'kk' });

  await Promise.all([lifecycle.connect(), outcomes.connect()]);
  await lifecycle.publish(
    almaty.registered(),
    almaty.routed('akimat-almaty', '750000000'),
    astana.registered(),
    astana.routed('akimat-astana', '710000000'),
  );
  await waitUntil(
    'both cases to be projected',
    async () =>
      (await call('GET', `/api/v1/cases/${almaty.appealId}`, tokens.central)).status === 200 &&
      (await call('GET', `/api/v1/cases/${astana.appealId}`, tokens.central)).status === 200,
    { timeoutMs: 60_000, intervalMs: 200 },
  );
});

afterAll(async () => {
  await Promise.all([lifecycle.disconnect(), outcomes.disconnect()]);
  await consoleApp?.stop();
  await database.drop();
});

describe("staff's in-app messages", () => {
  const toAlmaty = inAppSent(almaty, 'akimat-almaty');
  const toAstana = inAppSent(astana, 'akimat-astana');
  const toCentral = inAppSent(almaty, 'central-reception', {
    eventType: 'kz.appeals.escalated.v1',
    template: 'appeal-escalated-to',
  });

  beforeAll(async () => {
    // The first one twice, as a redelivery brings it; and its id again under another event (a re-publish).
    await outcomes.publish(toAlmaty, toAstana, toCentral, toAlmaty);
    await outcomes.publish(
      inAppSent(almaty, 'akimat-almaty', { notificationId: toAlmaty.data.notificationId }),
    );
    await listed(tokens.opKk, toAlmaty.data.notificationId);
    await listed(tokens.central, toCentral.data.notificationId);
    await listed(tokens.opAstana, toAstana.data.notificationId);
  });

  it("shows each member of staff the organisation's message in their own language, once", async () => {
    const [kk, ru] = [await list(tokens.opKk), await list(tokens.opRu)];
    expect(kk.items).toEqual([
      {
        id: toAlmaty.data.notificationId,
        appealId: almaty.appealId,
        trackingNumber: almaty.trackingNumber,
        eventType: 'kz.appeals.routed.v1',
        template: 'appeal-assigned',
        language: 'kk',
        title: 'Жаңа өтініш',
        body: `${almaty.trackingNumber} өтініші сіздің ұйымыңызға келді.`,
        sentAt: new Date(toAlmaty.data.sentAt).toISOString(),
        createdAt: expect.any(String),
        read: false,
      },
    ]);
    // Made without a language: Russian, the default.
    expect(ru.items.map(({ language, title }) => ({ language, title }))).toEqual([
      { language: 'ru', title: 'Новое обращение' },
    ]);
  });

  it("keeps another organisation's messages from everyone else: not listed, 404 on its id", async () => {
    expect(idsOf(await list(tokens.opAstana))).toEqual([toAstana.data.notificationId]);
    const marked = await call(
      'POST',
      `/api/v1/notifications/${toAlmaty.data.notificationId}/read`,
      tokens.opAstana,
    );
    expect(marked).toMatchObject({ status: 404, body: { code: 'notification-not-found' } });
    expect(marked.body.message).not.toContain(almaty.trackingNumber);
    expect((await call('POST', '/api/v1/notifications/no-such-id/read', tokens.opKk)).status).toBe(404);
    expect((await call('POST', `/api/v1/notifications/${'x'.repeat(65)}/read`, tokens.opKk)).status).toBe(
      404,
    );
  });

  it("gives the central reception its own messages only, a supervisor its region's bodies' ones", async () => {
    expect(idsOf(await list(tokens.central))).toEqual([toCentral.data.notificationId]);
    expect((await list(tokens.central)).items[0].title).toBe('Жаңа өтініш');
    const supervisor = await list(tokens.supervisor);
    expect(idsOf(supervisor)).toEqual([toAlmaty.data.notificationId]);
    expect(supervisor.items[0].title).toBe('New appeal');
  });

  it('keeps read marks per user, filters the unread, and reads all at once', async () => {
    const id = toAlmaty.data.notificationId;
    expect((await call('POST', `/api/v1/notifications/${id}/read`, tokens.opKk)).status).toBe(204);
    expect((await call('POST', `/api/v1/notifications/${id}/read`, tokens.opKk)).status).toBe(204);
    expect((await list(tokens.opKk)).items[0].read).toBe(true);
    expect((await list(tokens.opKk, '?unread=true')).items).toEqual([]);
    expect((await list(tokens.opRu)).items[0].read).toBe(false);
    expect((await list(tokens.supervisor)).items[0].read).toBe(false);

    expect(await call('POST', '/api/v1/notifications/read-all', tokens.opRu)).toEqual({
      status: 200,
      body: { marked: 1 },
    });
    expect(await call('POST', '/api/v1/notifications/read-all', tokens.opRu)).toEqual({
      status: 200,
      body: { marked: 0 },
    });
    expect((await list(tokens.opRu, '?unread=true')).items).toEqual([]);
    expect((await list(tokens.opAstana, '?unread=true')).items).toHaveLength(1);
  });

  it('pages newest first', async () => {
    const more = [inAppSent(astana, 'akimat-astana'), inAppSent(astana, 'akimat-astana')];
    await outcomes.publish(...more);
    await listed(tokens.opAstana, more[1].data.notificationId);
    const first = await list(tokens.opAstana, '?limit=2');
    expect(idsOf(first)).toEqual([more[1].data.notificationId, more[0].data.notificationId]);
    expect(first.nextBefore).toEqual(expect.any(Number));
    const second = await list(tokens.opAstana, `?limit=2&before=${first.nextBefore}`);
    expect(second).toEqual({
      items: [expect.objectContaining({ id: toAstana.data.notificationId })],
      nextBefore: null,
    });
    expect((await call('GET', '/api/v1/notifications?unread=yes', tokens.opAstana)).status).toBe(400);
  });
});

describe('the live stream', () => {
  it('tells a connected operator of a new message, in their language, and no other organisation', async () => {
    const almatyEvents: LiveEvent[] = [];
    const astanaEvents: LiveEvent[] = [];
    const streams = [listen(tokens.opKk, almatyEvents), listen(tokens.opAstana, astanaEvents)];
    expect(await Promise.all(streams.map((stream) => stream.opened))).toEqual([200, 200]);
    // A heartbeat on each: both streams are subscribed before the message is published.
    await waitUntil(
      'both streams to beat',
      async () => [almatyEvents, astanaEvents].every((events) => events.some((e) => e.event === 'heartbeat')),
      { timeoutMs: 10_000, intervalMs: 50 },
    );
    const message = inAppSent(almaty, 'akimat-almaty', { template: 'deadline-warning' });
    try {
      await outcomes.publish(message);
      await waitUntil(
        'the notification event',
        async () => almatyEvents.some((event) => event.event === 'notification'),
        { timeoutMs: 30_000, intervalMs: 50 },
      );
      expect(almatyEvents.find((event) => event.event === 'notification')?.data).toMatchObject({
        id: message.data.notificationId,
        appealId: almaty.appealId,
        template: 'deadline-warning',
        language: 'kk',
        title: 'Жаңа өтініш',
        read: false,
      });
      // Both listen on one connection: had the other been told, it would have been by now.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(astanaEvents.filter((event) => event.event === 'notification')).toEqual([]);
    } finally {
      for (const stream of streams) stream.abort.abort();
    }
  });
});

describe('a message notification gave up on', () => {
  it("shows on the case's timeline that the citizen was not told, once, without an address", async () => {
    const failed = deliveryFailed(almaty);
    const webhook = deliveryFailed(almaty, {
      channel: 'webhook',
      recipientKind: 'system',
      subscriptionId: randomUUID(),
    });
    await outcomes.publish(failed, failed, webhook);
    let page!: CasePageView;
    await waitUntil(
      'the failure on the case page',
      async () => {
        page = (await call<CasePageView>('GET', `/api/v1/cases/${almaty.appealId}`, tokens.opKk)).body;
        return page.timeline.some((entry) => entry.type === 'kz.notifications.failed.v1');
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const failures = page.timeline.filter((entry) => entry.type === 'kz.notifications.failed.v1');
    expect(failures).toEqual([
      {
        position: null,
        eventId: failed.id,
        eventSource: failed.source,
        type: 'kz.notifications.failed.v1',
        occurredAt: new Date(failed.data.failedAt).toISOString(),
        data: {
          notificationId: failed.data.notificationId,
          eventType: 'kz.appeals.registered.v1',
          channel: 'sms',
          recipientKind: 'citizen',
          template: 'appeal-registered',
          reason: 'exhausted',
          attempts: 8,
        },
      },
    ]);
    // After the routing it followed in time; the case's version is not one of its events.
    expect(page.timeline.map((entry) => entry.position)).toEqual([1, 2, null]);
    expect(page.case.version).toBe(2);
  });
});

describe('the language of a member of staff', () => {
  it('is read and set by the member on /api/v1/me, and set by an admin', async () => {
    expect(await call('GET', '/api/v1/me', tokens.opRu)).toEqual({
      status: 200,
      body: {
        userId: userIds.opRu,
        username: 'notices.opru',
        role: 'operator',
        organizationId: 'akimat-almaty',
        regionKato: null,
        language: 'ru',
      },
    });
    expect((await call('PATCH', '/api/v1/me', tokens.opRu, { language: 'en' })).body).toMatchObject({
      language: 'en',
    });
    expect((await list(tokens.opRu)).items[0]).toMatchObject({ language: 'en', title: 'New appeal' });
    expect((await call('PATCH', '/api/v1/me', tokens.opRu, { language: 'de' })).status).toBe(400);

    const byAdmin = await call('PATCH', `/api/v1/admin/users/${userIds.opRu}`, tokens.root, {
      language: 'kk',
    });
    expect(byAdmin).toMatchObject({ status: 200, body: { language: 'kk', organizationId: 'akimat-almaty' } });
    expect((await list(tokens.opRu)).items[0].title).toBe('Жаңа өтініш');
    const audit = await call<{ items: Array<{ action: string; detail: Record<string, unknown> }> }>(
      'GET',
      `/api/v1/admin/audit?actor=${userIds.opRu}&action=user.update-own`,
      tokens.root,
    );
    expect(audit.body.items.map((entry) => entry.detail)).toEqual([{ userId: userIds.opRu, language: 'en' }]);
  });
});
