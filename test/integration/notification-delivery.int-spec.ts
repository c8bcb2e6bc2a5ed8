import {
  citizenDecisionSecret,
  EventTypes,
  type AppealRegisteredData,
  type CloudEvent,
} from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import {
  AppealUnderTest,
  LifecyclePublisher,
  TestTokenIssuer,
  testDatabaseUrl,
  testKafka,
} from '@app/testing';
import type { IncomingHttpHeaders } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { Client } from 'pg';
import { DateTime } from 'luxon';
import { MessageRenderer } from '../../apps/notification/src/templates/message-renderer';
import { HttpPeer } from '../support/http-peer';
import { MailCatcher } from '../support/mail-catcher';
import { InProcessService, notificationService } from '../support/service-in-process';

jest.setTimeout(90_000);

interface ReceivedSms {
  headers: IncomingHttpHeaders;
  body: { to: string; text: string };
}

/** The SMS gateway: keeps what it is sent and answers 200 with an id. */
class SmsGateway extends HttpPeer {
  readonly received: ReceivedSms[] = [];

  constructor() {
    super((request, body) => {
      this.received.push({ headers: request.headers, body: JSON.parse(body) as ReceivedSms['body'] });
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: `sms-${this.received.length}` }),
      };
    });
  }
}

interface NotificationRow {
  channel: string;
  status: string;
  attempts: number;
  next_attempt_at: Date;
}

const renderer = new MessageRenderer();
const LINK_KEY = 'a-test-citizen-link-key-of-32-characters';

/** An appeal whose citizen asked to be told by e-mail or by SMS, as intake registers it (from `source`). */
class CitizenAppeal {
  readonly appeal = new AppealUnderTest('akimat-almaty');
  /** Unique per appeal, so each test finds its own messages. */
  readonly address: string;
  readonly registered: CloudEvent<AppealRegisteredData>;

  constructor(
    channel: 'email' | 'sms',
    language: AppealRegisteredData['language'] = 'kk',
    options: { fullName?: string; source?: string } = {},
  ) {
    this.address =
      channel === 'email'
        ? `${this.appeal.appealId}@example.kz`
        : `+7701${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const event = this.appeal.registered();
    const fullName = options.fullName ?? 'Әлия Нұрланова';
    const citizen =
      channel === 'email'
        ? { fullName, email: this.address, preferredChannel: channel }
        : { fullName, phone: this.address, preferredChannel: channel };
    this.registered = {
      ...event,
      data: { ...event.data, citizen, language, ...(options.source ? { source: options.source } : {}) },
    };
  }
}

/** A webhook receiver that checks every delivery's signature with the Standard Webhooks library. */
class WebhookReceiver extends HttpPeer {
  readonly verified: Array<{ webhookId: string; type: string; appealId: string }> = [];
  secret = '';
  failing = false;

  constructor() {
    super((request, body) => {
      if (this.failing) return { status: 503, body: 'maintenance' };
      const event = new Webhook(this.secret).verify(body, request.headers as Record<string, string>) as {
        type: string;
        data: { appealId: string };
      };
      this.verified.push({
        webhookId: String(request.headers['webhook-id']),
        type: event.type,
        appealId: event.data.appealId,
      });
      return { status: 204 };
    });
  }

  of(appealId: string): string[] {
    return this.verified
      .filter((delivery) => delivery.appealId === appealId)
      .map((delivery) => delivery.type)
      .sort();
  }
}

describe('notification delivers to real SMTP and SMS peers, once', () => {
  const mail = new MailCatcher();
  const sms = new SmsGateway();
  let publisher: LifecyclePublisher;
  let db: Client;
  let service: InProcessService;
  let issuer: TestTokenIssuer;
  let smsUrl: string;

  async function startService(env: NodeJS.ProcessEnv): Promise<void> {
    service = new InProcessService(notificationService, {
      databaseUrl: testDatabaseUrl(),
      groupId: `notification-delivery-${Date.now()}`,
      env: {
        ...issuer.notificationEnv(),
        NOTIFICATION_WEBHOOK_ALLOW_INSECURE: '1',
        NOTIFICATION_WEBHOOK_DISABLE_AFTER: '3',
        NOTIFICATION_SMTP_URL: mail.url,
        NOTIFICATION_MAIL_FROM: 'Өтініштер <noreply@appeals.test.kz>',
        NOTIFICATION_SMS_GATEWAY_URL: smsUrl,
        NOTIFICATION_SMS_QUIET_HOURS: 'off',
        NOTIFICATION_POLL_MS: '50',
        NOTIFICATION_RETRY_INITIAL_MS: '200',
        NOTIFICATION_RETRY_MAX_MS: '1000',
        NOTIFICATION_MAX_ATTEMPTS: '1000',
        NOTIFICATION_CITIZEN_PORTAL_URL: 'https://portal.test.kz',
        CONSOLE_CITIZEN_LINK_KEY: LINK_KEY,
        ...env,
      },
    });
    await service.start();
  }

  async function serviceUrl(): Promise<string> {
    return (await service.application.getUrl()).replace('[::1]', '127.0.0.1');
  }

  async function statusOf(eventId: string): Promise<NotificationRow[]> {
    const { rows } = await db.query<NotificationRow>(
      'SELECT channel, status, attempts, next_attempt_at FROM notification.notification WHERE event_id = $1',
      [eventId],
    );
    return rows;
  }

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    await mail.start();
    smsUrl = await sms.start('/messages');
    publisher = new LifecyclePublisher(testKafka('notification-delivery-test'));
    await publisher.connect();
    db = new Client({ connectionString: testDatabaseUrl() });
    await db.connect();
  });

  afterAll(async () => {
    await publisher?.disconnect();
    await db?.end();
    await mail.stop();
    await sms.stop();
    await issuer?.stop();
  });

  describe('at any hour', () => {
    beforeAll(() => startService({}));
    afterAll(() => service.stop());

    it("sends the citizen's e-mail in their language with the tracking number, and the answer itself", async () => {
      const { appeal, address, registered } = new CitizenAppeal('email', 'ru', { fullName: 'Иван Петров' });
      await publisher.publish(registered);
      const [message] = await waitUntil(
        'the registration e-mail',
        async () => mail.to(address).length > 0 && mail.to(address),
      );
      const expected = renderer.citizen('appeal-registered', 'email', 'ru', {
        trackingNumber: appeal.trackingNumber,
        citizenName: 'Иван Петров',
        trackUrl: `https://portal.test.kz/track/${appeal.trackingNumber}`,
      });
      if (expected.kind !== 'email') throw new Error('an e-mail was expected');
      expect(message.subject).toBe(expected.subject);
      expect(message.text).toContain(appeal.trackingNumber);
      expect(message.html).toContain(appeal.trackingNumber);

      const answer = 'Ремонт дороги на улице Абая запланирован на июнь. <b>Спасибо</b> за обращение.';
      const responded = appeal.responded();
      Object.assign(responded.data, { responseId: 'response-1', text: answer });
      await publisher.publish(responded);
      const [answerMail] = await waitUntil('the answer e-mail', async () => {
        const answers = mail.to(address).filter((sent) => sent.text?.includes('Абая'));
        return answers.length > 0 && answers;
      });
      const secret = citizenDecisionSecret(LINK_KEY, appeal.appealId, 'response-1');
      expect(answerMail.text).toContain(answer);
      expect(answerMail.text).toContain(secret);
      expect(answerMail.html).toContain('&lt;b&gt;Спасибо&lt;/b&gt;');
    });

    it('sends the same lifecycle event delivered twice only once, even when the inbox has forgotten it', async () => {
      const { address, registered } = new CitizenAppeal('email');
      await publisher.publish(registered, registered);
      await waitUntil('the e-mail', async () => mail.to(address).length > 0);
      await waitUntil('the delivery to be over', async () =>
        (await statusOf(registered.id)).every((row) => row.status === 'sent'),
      );
      // As after a restore of the inbox or a replay by a new consumer group: only the notification's own
      // (event, recipient, channel) key stands between the event and a second message.
      await db.query('DELETE FROM notification.inbox_message WHERE event_id = $1', [registered.id]);
      await publisher.publish(registered);
      await waitUntil('the inbox to take the event again', async () => {
        const { rows } = await db.query('SELECT 1 FROM notification.inbox_message WHERE event_id = $1', [
          registered.id,
        ]);
        return rows.length > 0;
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(mail.to(address)).toHaveLength(1);
      expect(await statusOf(registered.id)).toHaveLength(1);
      expect(mail.to(address)[0].subject).toMatch(/[әғқңөұүһі]/i);
    });

    it('delivers an e-mail once after the SMTP server comes back from an outage', async () => {
      const { address, registered } = new CitizenAppeal('email', 'en', { fullName: 'John Smith' });
      await mail.stop();
      try {
        await publisher.publish(registered);
        await waitUntil(
          'a few refused attempts',
          async () => (await statusOf(registered.id))[0]?.attempts >= 3,
        );
        expect(mail.to(address)).toHaveLength(0);
        // What waits shows on the metrics, so an outage is seen before anyone misses a message.
        const metrics = await (await fetch(`${await serviceUrl()}/metrics`)).text();
        expect(metrics).toMatch(/^notification_waiting\{channel="email",status="pending"\} [1-9]\d*$/m);
        expect(metrics).toMatch(
          /^notification_oldest_waiting_seconds\{channel="email",status="pending"\} \d/m,
        );
      } finally {
        await mail.start();
      }
      await waitUntil('the e-mail after the outage', async () => mail.to(address).length > 0, {
        timeoutMs: 20_000,
      });
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(mail.to(address)).toHaveLength(1);
      const { rows } = await db.query(
        `SELECT a.outcome FROM notification.delivery_attempt a JOIN notification.notification n ON n.id = a.notification_id
          WHERE n.event_id = $1 ORDER BY a.attempt`,
        [registered.id],
      );
      expect(rows.at(-1)).toEqual({ outcome: 'sent' });
      expect(rows.slice(0, -1).every((row: { outcome: string }) => row.outcome === 'retry')).toBe(true);
    });

    it('goes on with SMS and with recording events while the SMTP server is slow', async () => {
      const slowMail = [new CitizenAppeal('email'), new CitizenAppeal('email')];
      const texting = new CitizenAppeal('sms');
      mail.answerDelayMs = 4_000;
      try {
        await publisher.publish(...slowMail.map(({ registered }) => registered));
        await waitUntil('the e-mails to be in flight', async () =>
          (await Promise.all(slowMail.map(({ registered }) => statusOf(registered.id)))).every(
            ([row]) => row?.status === 'sending',
          ),
        );
        await publisher.publish(texting.registered);
        await waitUntil('the SMS, while the e-mails wait', async () =>
          sms.received.some((message) => message.body.to === texting.address),
        );
        expect(slowMail.map(({ address }) => mail.to(address).length)).toEqual([0, 0]);
      } finally {
        mail.answerDelayMs = 0;
      }
      await waitUntil('the slow e-mails', async () =>
        slowMail.every(({ address }) => mail.to(address).length === 1),
      );
    });

    it('sends an SMS through the gateway with its idempotency key', async () => {
      const { appeal, address: phone, registered } = new CitizenAppeal('sms');
      await publisher.publish(registered);
      const [received] = await waitUntil('the SMS', async () => {
        const matching = sms.received.filter((message) => message.body.to === phone);
        return matching.length > 0 && matching;
      });
      expect(received.body.text).toContain(appeal.trackingNumber);
      expect(received.headers['idempotency-key']).toMatch(/^\d+$/);
    });
  });

  describe('webhooks', () => {
    const receiver = new WebhookReceiver();
    const source = `urn:test:webhook-system-${Date.now()}`;
    let baseUrl: string;
    let authorization: string;
    let subscriptionId: string;

    async function api(
      method: string,
      path: string,
      body?: unknown,
    ): Promise<{ status: number; body: Record<string, unknown> }> {
      const response = await fetch(`${baseUrl}/api/v1/webhooks/subscriptions${path}`, {
        method,
        headers: { authorization, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    }

    beforeAll(async () => {
      await startService({});
      baseUrl = await serviceUrl();
      authorization = `Bearer ${await issuer.systemToken(source, { expiresInSeconds: 3600 })}`;
      const created = await api('POST', '', {
        url: await receiver.start('/hooks'),
        eventTypes: [EventTypes.registered, EventTypes.routed],
      });
      expect(created.status).toBe(201);
      subscriptionId = String(created.body.id);
      receiver.secret = String(created.body.secret);
    });
    afterAll(async () => {
      await service.stop();
      await receiver.stop();
    });

    it('delivers the events a system subscribed to, of its own appeals, signed', async () => {
      const own = new CitizenAppeal('email', 'kk', { source });
      const foreign = new CitizenAppeal('email');
      await publisher.publish(
        own.registered,
        own.appeal.routed(),
        foreign.registered,
        foreign.appeal.routed(),
      );
      await waitUntil('both deliveries', async () => receiver.of(own.appeal.appealId).length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(receiver.of(own.appeal.appealId)).toEqual([EventTypes.registered, EventTypes.routed]);
      expect(receiver.of(foreign.appeal.appealId)).toEqual([]);
    });

    it('disables a failing subscription after its run of failures, holds what follows, and redelivers on request', async () => {
      const { appeal, registered } = new CitizenAppeal('email', 'kk', { source });
      receiver.failing = true;
      await publisher.publish(registered);
      await waitUntil(
        'the subscription to be disabled',
        async () => (await api('GET', `/${subscriptionId}`)).body.status === 'disabled',
      );
      const routed = appeal.routed();
      await publisher.publish(routed);
      await waitUntil('the next delivery to be held', async () =>
        (await statusOf(routed.id)).some((row) => row.channel === 'webhook' && row.status === 'held'),
      );
      expect((await statusOf(registered.id)).find((row) => row.channel === 'webhook')).toMatchObject({
        status: 'held',
        attempts: 3,
      });
      expect(receiver.of(appeal.appealId)).toEqual([]);

      receiver.failing = false;
      const redelivered = await api('POST', `/${subscriptionId}/redeliver`, {});
      expect(redelivered).toMatchObject({ status: 202, body: { requeued: 2 } });
      await waitUntil('the redelivery', async () => receiver.of(appeal.appealId).length >= 2);
      expect(receiver.of(appeal.appealId)).toEqual([EventTypes.registered, EventTypes.routed]);
      expect((await api('GET', `/${subscriptionId}`)).body).toMatchObject({
        status: 'active',
        consecutiveFailures: 0,
      });
    });
  });

  describe('in the quiet hours', () => {
    // A window around now, Kazakhstan time, so that this run is inside it whenever it runs.
    const local = DateTime.now().setZone('UTC+5');
    const window = `${local.minus({ hours: 1 }).toFormat('HH:mm')}-${local.plus({ hours: 1 }).toFormat('HH:mm')}`;
    beforeAll(() => startService({ NOTIFICATION_SMS_QUIET_HOURS: window }));
    afterAll(() => service.stop());

    it('defers an SMS to the end of the quiet hours, and does not defer an e-mail', async () => {
      const { address: phone, registered: bySms } = new CitizenAppeal('sms');
      const { address, registered: byMail } = new CitizenAppeal('email');
      await publisher.publish(bySms, byMail);
      await waitUntil('the e-mail, at night too', async () => mail.to(address).length > 0);
      const [deferred] = await waitUntil('the SMS to be recorded', async () => {
        const rows = await statusOf(bySms.id);
        return rows.length > 0 && rows;
      });
      expect(deferred).toMatchObject({ channel: 'sms', status: 'pending', attempts: 0 });
      const end = local.plus({ hours: 1 }).startOf('minute');
      expect(DateTime.fromJSDate(deferred.next_attempt_at).toMillis()).toBe(
        (end < local ? end.plus({ days: 1 }) : end).toMillis(),
      );
      expect(sms.received.filter((message) => message.body.to === phone)).toHaveLength(0);

      // Due now (a backlog, a retry), it still waits: no SMS is claimed inside the window.
      await db.query('UPDATE notification.notification SET next_attempt_at = now() WHERE event_id = $1', [
        bySms.id,
      ]);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(await statusOf(bySms.id)).toMatchObject([{ status: 'pending', attempts: 0 }]);
      expect(sms.received.filter((message) => message.body.to === phone)).toHaveLength(0);

      // Deferred, not dropped: once the quiet hours are over (here: a notification without them) it goes.
      await service.stop();
      await startService({});
      await waitUntil('the SMS after the quiet hours', async () =>
        sms.received.some((message) => message.body.to === phone),
      );
      expect(await statusOf(bySms.id)).toMatchObject([{ status: 'sent', attempts: 1 }]);
    });
  });
});
