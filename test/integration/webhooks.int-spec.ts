import { AccessTokens, EventTypes, newCloudEvent } from '@app/contracts';
import { TestTokenIssuer, testDatabaseUrl } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import type { OutgoingMessage, SendOutcome } from '../../apps/notification/src/channels/delivery-channel';
import type { AttemptVerdict } from '../../apps/notification/src/delivery/attempt-listener';
import type { Notification } from '../../apps/notification/src/notifications/notification.entity';
import { StandardWebhookSigner } from '../../apps/notification/src/webhooks/standard-webhook-signer';
import { WebhookAudience } from '../../apps/notification/src/webhooks/webhook-audience';
import { WebhookChannel } from '../../apps/notification/src/webhooks/webhook-channel';
import { webhookConfigFromEnv } from '../../apps/notification/src/webhooks/webhook-config';
import { WebhookHealth } from '../../apps/notification/src/webhooks/webhook-health';
import { WebhookSubscriptionRepository } from '../../apps/notification/src/webhooks/webhook-subscription.repository';
import { InProcessService, notificationService } from '../support/service-in-process';

/**
 * Webhooks against the real thing: notification as it runs (runService) on PostgreSQL, system tokens from a
 * real JWKS, and a real HTTP receiver that verifies each delivery with the Standard Webhooks library.
 */
jest.setTimeout(120_000);

const RECEIVER_PORT = 43010;
const PORTAL = 'urn:portal:webhooks-test';
const OTHER = 'urn:portal:someone-else';
const DISABLE_AFTER = 3;
const MAX_SUBSCRIPTIONS = 4;

let issuer: TestTokenIssuer;
let notification: InProcessService;
let baseUrl: string;
let portal: string;
let other: string;
let receiver: Server;
/** What the receiver answers next, and what it got (verified). */
let answer: { status: number; body?: string; delayMs?: number } = { status: 204 };
const received: Array<{ id: string; type: string; headers: IncomingMessage['headers'] }> = [];
/** The secret the receiver verifies with, per subscription path. */
const secrets = new Map<string, string>();

beforeAll(async () => {
  issuer = await TestTokenIssuer.start();
  notification = new InProcessService(notificationService, {
    databaseUrl: testDatabaseUrl(),
    groupId: 'webhooks-test',
    env: {
      ...issuer.notificationEnv(),
      NOTIFICATION_WEBHOOK_ALLOW_INSECURE: '1',
      // These tests drive the channel and the health themselves: the service's own dispatcher looks once, at
      // start, and then stays idle, so it never races them for the rows they write.
      NOTIFICATION_POLL_MS: '3600000',
      NOTIFICATION_WEBHOOK_DISABLE_AFTER: String(DISABLE_AFTER),
      NOTIFICATION_WEBHOOK_MAX_SUBSCRIPTIONS: String(MAX_SUBSCRIPTIONS),
    },
  });
  await notification.start();
  baseUrl = (await notification.application.getUrl()).replace('[::1]', '127.0.0.1');
  portal = `Bearer ${await issuer.systemToken(PORTAL, { expiresInSeconds: 3600 })}`;
  other = `Bearer ${await issuer.systemToken(OTHER, { expiresInSeconds: 3600 })}`;
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const secret = secrets.get(request.url ?? '') ?? 'whsec_AAAA';
      const event = new Webhook(secret).verify(body, request.headers as Record<string, string>) as {
        type: string;
      };
      received.push({
        id: String(request.headers['webhook-id']),
        type: event.type,
        headers: request.headers,
      });
      setTimeout(() => response.writeHead(answer.status).end(answer.body ?? ''), answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => receiver.listen(RECEIVER_PORT, '127.0.0.1', resolve));
});

afterAll(async () => {
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  await notification?.stop();
  await issuer?.stop();
});

async function call(
  method: string,
  path: string,
  authorization: string | undefined,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> & Array<Record<string, unknown>> }> {
  const response = await fetch(`${baseUrl}/api/v1/webhooks/subscriptions${path}`, {
    method,
    headers: {
      ...(authorization ? { authorization } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

const hook = (path: string) => `http://127.0.0.1:${RECEIVER_PORT}${path}`;

async function subscribe(path: string, eventTypes: string[] = [EventTypes.registered]): Promise<string> {
  const created = await call('POST', '', portal, { url: hook(path), eventTypes });
  expect(created.status).toBe(201);
  secrets.set(path, created.body.secret as string);
  return created.body.id as string;
}

function dataSource(): DataSource {
  return notification.application.get(DataSource);
}

/** A webhook delivery of a registered event to the subscription, as the planner records it. */
async function recordDelivery(
  subscriptionId: string,
  status = 'pending',
  citizenMarker = 'Айгүл',
): Promise<string> {
  const event = newCloudEvent({
    type: EventTypes.registered,
    source: 'urn:appeal-routing:intake',
    subject: randomUUID(),
    data: { appealId: randomUUID(), note: citizenMarker },
  });
  const [row] = await dataSource().query<Array<{ id: string }>>(
    `INSERT INTO notification.notification
       (event_id, event_type, appeal_id, recipient_kind, recipient, channel, template, language, status, content)
     VALUES ($1, $2, $3, 'system', $4, 'webhook', 'webhook', 'mul', $5, $6)
     RETURNING id`,
    [event.id, event.type, randomUUID(), subscriptionId, status, { kind: 'webhook', event }],
  );
  return String(row.id);
}

async function loadNotification(id: string): Promise<Notification> {
  const [row] = await dataSource().query<Array<Record<string, unknown>>>(
    `SELECT id, channel, recipient, content, attempts, status FROM notification.notification WHERE id = $1`,
    [id],
  );
  return { ...row, id: String(row.id) } as unknown as Notification;
}

function messageOf(notificationRow: Notification, attempt = 1): OutgoingMessage {
  return {
    notificationId: notificationRow.id,
    recipient: notificationRow.recipient,
    content: notificationRow.content!,
    attempt,
  };
}

describe('the subscription API: who may call it', () => {
  it("refuses a request without a system's token, a staff token, and one not meant for notification", async () => {
    expect((await call('GET', '', undefined)).status).toBe(401);
    const staff = await issuer.staffToken({ sub: 'u1', role: 'admin' });
    expect((await call('GET', '', `Bearer ${staff}`)).status).toBe(401);
    const intakeOnly = await issuer.sign(
      { source: PORTAL },
      {
        subject: 'c',
        issuer: AccessTokens.issuer,
        audience: AccessTokens.audiences.intake,
        expiresInSeconds: 60,
      },
    );
    expect((await call('GET', '', `Bearer ${intakeOnly}`)).status).toBe(401);
  });
});

describe('the subscription API: managing subscriptions', () => {
  it('refuses a bad URL or bad event types, naming the field and why', async () => {
    const refused = async (body: unknown) => {
      const answer = await call('POST', '', portal, body);
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('invalid-request');
      return (answer.body.fieldErrors as Array<{ field: string; code: string }>).map(
        (e) => `${e.field}:${e.code}`,
      );
    };
    const types = [EventTypes.registered];
    expect(await refused({ url: 'ftp://hooks.example.kz/', eventTypes: types })).toEqual(['url:httpsUrl']);
    expect(await refused({ url: 'https://me:pw@hooks.example.kz/', eventTypes: types })).toEqual([
      'url:urlUserinfo',
    ]);
    expect(await refused({ url: `https://h.example.kz/${'a'.repeat(2100)}`, eventTypes: types })).toEqual([
      'url:maxLength',
    ]);
    expect(await refused({ url: hook('/x'), eventTypes: [] })).toEqual(['eventTypes:arrayMinSize']);
    expect(
      await refused({ url: hook('/x'), eventTypes: [EventTypes.registered, EventTypes.registered] }),
    ).toEqual(['eventTypes:arrayUnique']);
    // `closed` has no contract and is never published: subscribing to it would wait for ever.
    expect(await refused({ url: hook('/x'), eventTypes: [EventTypes.closed] })).toEqual(['eventTypes:isIn']);
    expect(await refused({ url: hook('/x'), eventTypes: [EventTypes.submitted] })).toEqual([
      'eventTypes:isIn',
    ]);
  });

  it('creates (the secret shown once), lists, shows, rotates and deletes; never another system’s', async () => {
    const created = await call('POST', '', portal, {
      url: hook('/crud'),
      eventTypes: [EventTypes.registered, EventTypes.responded],
      description: 'status updates',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: hook('/crud'),
      eventTypes: [EventTypes.registered, EventTypes.responded],
      description: 'status updates',
      status: 'active',
      consecutiveFailures: 0,
    });
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const id = created.body.id as string;

    const listed = await call('GET', '', portal);
    expect(listed.body.map((s) => s.id)).toContain(id);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    expect((await call('GET', `/${id}`, portal)).body).not.toHaveProperty('secret');

    // Another system: the id does not exist for it.
    expect((await call('GET', '', other)).body.map((s) => s.id)).not.toContain(id);
    for (const [method, path] of [
      ['GET', `/${id}`],
      ['DELETE', `/${id}`],
      ['POST', `/${id}/secret`],
      ['GET', `/${id}/deliveries`],
      ['POST', `/${id}/redeliver`],
    ] as const) {
      const answer = await call(method, path, other, method === 'POST' ? {} : undefined);
      expect({ path, method, status: answer.status }).toEqual({ path, method, status: 404 });
      expect(answer.body.code).toBe('webhook-subscription-not-found');
    }
    expect((await call('GET', '/not-a-uuid', portal)).status).toBe(404);

    const rotated = await call('POST', `/${id}/secret`, portal);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);

    expect((await call('DELETE', `/${id}`, portal)).status).toBe(204);
    expect((await call('GET', `/${id}`, portal)).status).toBe(404);
  });

  it('refuses one subscription more than a system may have', async () => {
    const ids: string[] = [];
    const count = (await call('GET', '', portal)).body.length;
    for (let i = count; i < MAX_SUBSCRIPTIONS; i++) ids.push(await subscribe(`/limit-${i}`));
    const refused = await call('POST', '', portal, {
      url: hook('/one-more'),
      eventTypes: [EventTypes.resolved],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('webhook-subscription-limit');
    // Another system has limits of its own.
    expect(
      (await call('POST', '', other, { url: hook('/other'), eventTypes: [EventTypes.resolved] })).status,
    ).toBe(201);
    for (const id of ids) await call('DELETE', `/${id}`, portal);
  });
});

describe('WebhookChannel', () => {
  it('POSTs the signed CloudEvent, which the receiver verifies; outcomes follow the status', async () => {
    const channel = notification.application.get(WebhookChannel);
    const id = await subscribe('/channel');
    const delivery = await loadNotification(await recordDelivery(id));
    const send = (): Promise<SendOutcome> => channel.send(messageOf(delivery), AbortSignal.timeout(2_000));

    answer = { status: 200, body: 'ok' };
    expect(await send()).toEqual({ status: 'sent', providerAnswer: 'HTTP 200 ok' });
    const got = received.at(-1)!;
    expect(got).toMatchObject({ id: delivery.id, type: EventTypes.registered });
    expect(got.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(got.headers['user-agent']).toMatch(/^appeal-routing-webhooks\//);

    answer = { status: 503, body: 'x'.repeat(500) };
    const busy = await send();
    expect(busy.status).toBe('retry');
    expect(busy.providerAnswer).toBe(`HTTP 503 ${'x'.repeat(200)}`);
    answer = { status: 429 };
    expect((await send()).status).toBe('retry');
    answer = { status: 410 };
    expect(await send()).toEqual({ status: 'rejected', providerAnswer: 'HTTP 410' });
    answer = { status: 400 };
    expect((await send()).status).toBe('rejected');
    answer = { status: 302 };
    expect((await send()).status).toBe('rejected');
    answer = { status: 200, delayMs: 1_000 };
    expect(await channel.send(messageOf(delivery), AbortSignal.timeout(200))).toEqual({
      status: 'unknown',
      providerAnswer: 'timed out',
    });
    answer = { status: 204 };

    await call('DELETE', `/${id}`, portal);
    expect((await send()).status).toBe('rejected');
  });

  it('signs with the rotated secret at once', async () => {
    const channel = notification.application.get(WebhookChannel);
    const id = await subscribe('/rotated');
    const rotated = await call('POST', `/${id}/secret`, portal);
    secrets.set('/rotated', rotated.body.secret as string);
    const delivery = await loadNotification(await recordDelivery(id));
    expect((await channel.send(messageOf(delivery), AbortSignal.timeout(2_000))).status).toBe('sent');
    await call('DELETE', `/${id}`, portal);
  });

  it('refuses a receiver on a loopback address unless insecure receivers are allowed', async () => {
    const guarded = new WebhookChannel(
      notification.application.get(WebhookSubscriptionRepository),
      new StandardWebhookSigner(),
      webhookConfigFromEnv({}),
    );
    const id = await subscribe('/loopback');
    const delivery = await loadNotification(await recordDelivery(id));
    const before = received.length;
    const outcome = await guarded.send(messageOf(delivery), AbortSignal.timeout(2_000));
    guarded.onModuleDestroy();
    expect(outcome.status).toBe('rejected');
    expect(received.length).toBe(before);
    await call('DELETE', `/${id}`, portal);
  });
});

describe('a failing webhook is disabled after its run of failures, and redelivered on request', () => {
  const retry: SendOutcome = { status: 'retry', providerAnswer: 'HTTP 503' };
  const later: AttemptVerdict = { kind: 'retry', nextAttemptAt: new Date(Date.now() + 60_000) };

  async function attempt(
    notificationId: string,
    outcome: SendOutcome,
    verdict: AttemptVerdict,
  ): Promise<void> {
    const row = await loadNotification(notificationId);
    await dataSource().transaction(async (manager) => {
      await manager.query(
        `INSERT INTO notification.delivery_attempt
           (notification_id, attempt, channel, started_at, finished_at, outcome, provider_answer)
         VALUES ($1, (SELECT count(*) + 1 FROM notification.delivery_attempt WHERE notification_id = $1),
                 'webhook', now(), now(), $2, $3)`,
        [notificationId, outcome.status, outcome.providerAnswer],
      );
      await manager.query(
        `UPDATE notification.notification SET attempts = attempts + 1,
                status = $2::text, failed_at = CASE WHEN $2::text = 'failed' THEN now() END WHERE id = $1`,
        [notificationId, verdict.kind === 'retry' ? 'pending' : verdict.kind],
      );
      await notification.application.get(WebhookHealth).afterAttempt(manager, row, outcome, verdict);
    });
  }

  it('counts failures, resets on a delivery, disables and holds at the limit; redelivery brings all back', async () => {
    const id = await subscribe('/failing', [EventTypes.registered, EventTypes.resolved]);
    const first = await recordDelivery(id);
    const waiting = await recordDelivery(id);
    const failed = await recordDelivery(id, 'failed');
    const alreadySent = await recordDelivery(id, 'sent');

    await attempt(first, retry, later);
    await attempt(first, { status: 'sent', providerAnswer: 'HTTP 200' }, { kind: 'sent' });
    expect((await call('GET', `/${id}`, portal)).body.consecutiveFailures).toBe(0);
    const second = await recordDelivery(id);
    for (let i = 0; i < DISABLE_AFTER - 1; i++) await attempt(second, retry, later);
    expect((await call('GET', `/${id}`, portal)).body).toMatchObject({
      status: 'active',
      consecutiveFailures: 2,
    });

    await attempt(second, { status: 'unknown', providerAnswer: 'timed out' }, later);
    const disabled = (await call('GET', `/${id}`, portal)).body;
    expect(disabled).toMatchObject({
      status: 'disabled',
      disabledReason: 'failures',
      consecutiveFailures: 3,
    });
    expect(disabled.disabledAt).toEqual(expect.any(String));
    const statuses = async () =>
      Object.fromEntries(
        (
          await dataSource().query<Array<{ id: string; status: string }>>(
            `SELECT id, status FROM notification.notification WHERE recipient = $1`,
            [id],
          )
        ).map((row) => [String(row.id), row.status]),
      );
    expect(await statuses()).toEqual({
      [first]: 'sent',
      [second]: 'held',
      [waiting]: 'held',
      [failed]: 'failed',
      [alreadySent]: 'sent',
    });

    // The planner holds what a disabled subscription is to get.
    const audience = notification.application.get(WebhookAudience);
    const manager = dataSource().manager;
    // An appeal of unknown source (recorded before sources were kept) belongs to no system.
    const subscribersOf = async (source: string | null, type: string) =>
      audience.subscribersAmong(
        source === null ? [] : ((await audience.subscriptionsOf(manager, [source])).get(source) ?? []),
        type,
      );
    expect(await subscribersOf(PORTAL, EventTypes.resolved)).toContainEqual({
      subscriptionId: id,
      held: true,
    });
    expect(await subscribersOf(PORTAL, EventTypes.responded)).not.toContainEqual(
      expect.objectContaining({ subscriptionId: id }),
    );
    expect(await subscribersOf(OTHER, EventTypes.resolved)).not.toContainEqual(
      expect.objectContaining({ subscriptionId: id }),
    );
    expect(await subscribersOf(null, EventTypes.resolved)).toEqual([]);

    // The delivery log: attempts with outcome and answer; no event content (nor anything personal in it).
    const log = await call('GET', `/${id}/deliveries?limit=2`, portal);
    expect(log.status).toBe(200);
    const deliveries = log.body.deliveries as Array<Record<string, unknown>>;
    expect(deliveries.map((d) => d.notificationId)).toEqual([second, alreadySent]);
    expect(deliveries[0]).toMatchObject({ eventType: EventTypes.registered, status: 'held', attempts: 3 });
    expect((deliveries[0].attemptLog as Array<Record<string, unknown>>).map((a) => a.outcome)).toEqual([
      'retry',
      'retry',
      'unknown',
    ]);
    expect(log.body.nextBefore).toBe(alreadySent);
    const older = await call('GET', `/${id}/deliveries?before=${log.body.nextBefore as string}`, portal);
    expect((older.body.deliveries as Array<{ notificationId: string }>).map((d) => d.notificationId)).toEqual(
      [failed, waiting, first],
    );
    const held = await call('GET', `/${id}/deliveries?status=held`, portal);
    expect((held.body.deliveries as unknown[]).length).toBe(2);
    expect(JSON.stringify([log.body, older.body])).not.toContain('Айгүл');
    expect((await call('GET', `/${id}/deliveries?limit=0&status=lost`, portal)).status).toBe(400);

    const redelivered = await call('POST', `/${id}/redeliver`, portal, {});
    expect(redelivered).toEqual({ status: 202, body: { requeued: 3 } });
    expect((await call('GET', `/${id}`, portal)).body).toMatchObject({
      status: 'active',
      consecutiveFailures: 0,
      disabledAt: null,
      disabledReason: null,
    });
    expect(await statuses()).toEqual({
      [first]: 'sent',
      [second]: 'pending',
      [waiting]: 'pending',
      [failed]: 'pending',
      [alreadySent]: 'sent',
    });
    const [requeued] = await dataSource().query<Array<{ attempts: number; due: boolean }>>(
      `SELECT attempts, next_attempt_at <= now() AS due FROM notification.notification WHERE id = $1`,
      [second],
    );
    expect(requeued).toEqual({ attempts: 0, due: true });
    await call('DELETE', `/${id}`, portal);
    expect(Object.values(await statuses()).sort()).toEqual(['failed', 'failed', 'failed', 'sent', 'sent']);
  });

  it('disables at once on 410 Gone; redelivery since a moment requeues only what came after', async () => {
    const id = await subscribe('/gone');
    const old = await recordDelivery(id, 'failed');
    await dataSource().query(
      `UPDATE notification.notification SET created_at = now() - interval '1 day' WHERE id = $1`,
      [old],
    );
    const recent = await recordDelivery(id);
    await attempt(
      recent,
      { status: 'rejected', providerAnswer: 'HTTP 410' },
      { kind: 'failed', reason: 'rejected' },
    );
    expect((await call('GET', `/${id}`, portal)).body).toMatchObject({
      status: 'disabled',
      disabledReason: 'gone',
    });

    const since = new Date(Date.now() - 3_600_000).toISOString();
    expect(await call('POST', `/${id}/redeliver`, portal, { since })).toEqual({
      status: 202,
      body: { requeued: 1 },
    });
    const [row] = await dataSource().query<Array<{ status: string }>>(
      `SELECT status FROM notification.notification WHERE id = $1`,
      [old],
    );
    expect(row.status).toBe('failed');
    await call('DELETE', `/${id}`, portal);
  });
});
