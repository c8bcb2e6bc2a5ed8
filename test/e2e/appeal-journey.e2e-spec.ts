import { EventTypes, newCloudEvent, Topics, type AppealRoutedData } from '@app/contracts';
import { AppealRoutingSystem, findRepoRoot, waitUntil } from '@app/local-infra';
import type { Producer } from 'kafkajs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import {
  PORTAL_SOURCE,
  submittedAppeal,
  submittedEvent,
  EventTap,
  testBrokers,
  testDatabaseUrl,
  testKafka,
  TestTokenIssuer,
} from '@app/testing';

jest.setTimeout(120_000);

type Data = Record<string, unknown> & { appealId?: string };

const repoRoot = findRepoRoot(__dirname);
let system: AppealRoutingSystem;
let tap: EventTap;
let producer: Producer;
let db: Client;
/** Signs the portal's token, as the console would: intake checks it against this issuer's JWKS. */
let issuer: TestTokenIssuer;
let authorization: string;

function intakeUrl(pathname: string): string {
  return `${system.url('intake')}${pathname}`;
}

async function post(
  body: unknown,
  idempotencyKey?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(intakeUrl('/api/v1/appeals'), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization,
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function publishSubmitted(
  value: string | Buffer,
  headers: Record<string, string> = {},
  key?: string,
): Promise<void> {
  await producer.send({ topic: Topics.intake, messages: [{ key: key ?? null, value, headers }] });
}

function lifecycleOf(appealId: string, type: string) {
  return tap.events<Data>(Topics.events, (event) => event.type === type && event.data.appealId === appealId);
}

async function waitForLifecycle(appealId: string, type: string, timeoutMs = 30_000) {
  return tap.waitFor<Data>(
    Topics.events,
    `${type} of ${appealId}`,
    (event) => event.type === type && event.data.appealId === appealId,
    timeoutMs,
  );
}

async function registeredFor(sourceEventId: string) {
  return tap.waitFor<Data>(
    Topics.events,
    `registered for ${sourceEventId}`,
    (event) => event.type === EventTypes.registered && event.data.sourceEventId === sourceEventId,
  );
}

beforeAll(async () => {
  const kafka = testKafka('e2e-test');
  producer = kafka.producer();
  await producer.connect();
  tap = new EventTap(kafka, [Topics.events, Topics.intakeDeadLetter]);
  await tap.start();
  db = new Client({ connectionString: testDatabaseUrl() });
  await db.connect();
  issuer = await TestTokenIssuer.start();
  authorization = `Bearer ${await issuer.systemToken(PORTAL_SOURCE, { expiresInSeconds: 3600 })}`;
  system = new AppealRoutingSystem({
    repoRoot,
    brokers: testBrokers(),
    databaseUrl: testDatabaseUrl(),
    ports: { intake: 3101, routing: 3102, escalation: 3103, notification: 3104, console: 3105 },
    extraEnv: {
      ESCALATION_TICK_MS: '200',
      ESCALATION_POLICY_CACHE_MS: '0',
      LOG_LEVEL: 'warn',
      ...issuer.intakeEnv(),
      // The test polls the public timeline every 200 ms; its limit per address has a test of its own.
      INTAKE_RATE_LIMIT_TRACKING: '100000/60',
    },
    logDir: path.join(repoRoot, '.local', 'e2e-logs'),
  });
  await system.start();
  // A drill policy: complaints fall due six seconds after receipt, with a warning three seconds before.
  await db.query(
    `INSERT INTO escalation.deadline_policy (level, kind, due, warn_before)
     VALUES ('regional-akimat', 'complaint', 'PT6S', '{PT3S}')
     ON CONFLICT (level, kind) DO UPDATE SET due = excluded.due, warn_before = excluded.warn_before`,
  );
});

afterAll(async () => {
  await system?.stop();
  await tap?.stop();
  await producer?.disconnect();
  await db?.end();
  await issuer?.stop();
});

describe('an appeal walking through intake, routing, escalation and notification (four processes)', () => {
  it('registers a CloudEvent published twice as one appeal and carries it to escalation', async () => {
    const data = submittedAppeal({ regionKato: '751110000', kind: 'complaint' });
    const event = submittedEvent(data);
    const json = JSON.stringify(event);
    await publishSubmitted(
      json,
      { 'content-type': 'application/cloudevents+json; charset=utf-8' },
      data.externalId,
    );
    await publishSubmitted(
      json,
      { 'content-type': 'application/cloudevents+json; charset=utf-8' },
      data.externalId,
    );

    const registered = await registeredFor(event.id);
    const appealId = registered.event.data.appealId as string;
    expect(registered.key).toBe(appealId);
    expect(registered.event.data).toMatchObject({
      source: PORTAL_SOURCE,
      externalId: data.externalId,
      receivedAt: data.submittedAt,
    });

    const routed = await waitForLifecycle(appealId, EventTypes.routed);
    expect(routed.key).toBe(appealId);
    expect(routed.event.data).toMatchObject({
      organizationId: 'akimat-almaty',
      organizationName: 'Алматы қаласы әкімдігі',
      receivedAt: data.submittedAt,
    });
    const assigned = await waitForLifecycle(appealId, EventTypes.deadlineAssigned);
    expect(assigned.key).toBe(appealId);
    expect(assigned.event.data.policy).toBe('PT6S');
    await waitForLifecycle(appealId, EventTypes.deadlineWarning);
    const escalated = await waitForLifecycle(appealId, EventTypes.escalated);
    expect(escalated.event.data).toMatchObject({
      fromOrganizationId: 'akimat-almaty',
      toOrganizationId: 'central-reception',
      reason: 'overdue',
      fromLevel: 'regional-akimat',
      toLevel: 'central-reception',
    });

    // The duplicate was on the same partition, before everything above: it made no second appeal.
    expect(
      tap.events<Data>(
        Topics.events,
        (e) => e.type === EventTypes.registered && e.data.sourceEventId === event.id,
      ),
    ).toHaveLength(1);
    const appeals = await db.query(
      'SELECT count(*)::int AS n, min(text) AS text FROM intake.appeal WHERE source = $1 AND source_event_id = $2',
      [PORTAL_SOURCE, event.id],
    );
    expect(appeals.rows[0]).toEqual({ n: 1, text: data.text });
    for (const type of [
      EventTypes.routed,
      EventTypes.deadlineAssigned,
      EventTypes.deadlineWarning,
      EventTypes.escalated,
    ]) {
      expect(lifecycleOf(appealId, type)).toHaveLength(1);
    }

    const trackingNumber = registered.event.data.trackingNumber as string;
    const status = await waitUntil('the public timeline to show the escalation', async () => {
      const response = await fetch(intakeUrl(`/api/v1/appeals/track/${trackingNumber}`));
      const body = (await response.json()) as { status: string; timeline: Array<{ step: string }> };
      return body.status === 'escalated' ? body : undefined;
    });
    expect(status.timeline.map((entry) => entry.step)).toEqual([
      'registered',
      'routed',
      'deadline-assigned',
      'escalated',
    ]);
    expect(JSON.stringify(status)).not.toContain(data.citizen.fullName);
    expect(JSON.stringify(status)).not.toContain(data.citizen.email);

    const notifications = await waitUntil('notifications of every step', async () => {
      const { rows } = await db.query<{
        event_type: string;
        recipient: string;
        channel: string;
        language: string;
      }>(
        'SELECT event_type, recipient, channel, language FROM notification.notification WHERE appeal_id = $1 ORDER BY id',
        [appealId],
      );
      return rows.some((row) => row.event_type === EventTypes.escalated) ? rows : undefined;
    });
    expect(notifications).toEqual(
      expect.arrayContaining([
        { event_type: EventTypes.registered, recipient: 'asel@example.kz', channel: 'email', language: 'kk' },
        { event_type: EventTypes.routed, recipient: 'asel@example.kz', channel: 'email', language: 'kk' },
        // Staff messages carry every language: each user reads their own in the console.
        {
          event_type: EventTypes.deadlineAssigned,
          recipient: 'akimat-almaty',
          channel: 'in-app',
          language: 'mul',
        },
        {
          event_type: EventTypes.deadlineWarning,
          recipient: 'akimat-almaty',
          channel: 'in-app',
          language: 'mul',
        },
        {
          event_type: EventTypes.escalated,
          recipient: 'central-reception',
          channel: 'in-app',
          language: 'mul',
        },
      ]),
    );
  });

  it('serves OpenAPI at /docs on every service, with the public appeal API on intake', async () => {
    for (const name of ['intake', 'routing', 'escalation', 'notification'] as const) {
      const response = await fetch(`${system.url(name)}/docs-json`);
      expect(response.status).toBe(200);
      const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
      expect(document.openapi).toMatch(/^3\./);
      if (name === 'intake') {
        expect(Object.keys(document.paths)).toEqual(
          expect.arrayContaining(['/api/v1/appeals', '/api/v1/appeals/track/{trackingNumber}']),
        );
      }
    }
    expect((await fetch(`${system.url('intake')}/docs`)).status).toBe(200);
  });

  it('shows deadlines by state and consumer lag to Prometheus', async () => {
    const metrics = await (await fetch(`${system.url('escalation')}/metrics`)).text();
    expect(metrics).toMatch(/^appeals_deadlines\{level="central-reception",state="running"\} [1-9]/m);
    expect(metrics).toMatch(
      /^appeals_consumer_lag\{group="escalation",topic="appeals.events.v1",partition="\d+"\} \d+/m,
    );
    expect(metrics).toMatch(
      /^appeals_events_consumed_total\{consumer="escalation",type="kz.appeals.routed.v1",outcome="handled"\} [1-9]/m,
    );
  });

  it('accepts an appeal over HTTP, replays a retried Idempotency-Key and refuses a reused one', async () => {
    const data = submittedAppeal({ regionKato: '791010000', kind: 'request', language: 'ru' });
    const first = await post(data, 'http-key-1');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'registered' });
    expect(first.body.trackingNumber).toMatch(/^KZ-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const retry = await post(data, 'http-key-1');
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(first.body.id);

    const reused = await post({ ...data, subject: 'Другая тема' }, 'http-key-1');
    expect(reused.status).toBe(409);
    expect(reused.body.code).toBe('idempotency-key-reused');

    const appealId = first.body.id as string;
    const routed = await waitForLifecycle(appealId, EventTypes.routed);
    expect(routed.event.data).toMatchObject({ organizationId: 'akimat-shymkent', language: 'ru' });
    const assigned = await waitForLifecycle(appealId, EventTypes.deadlineAssigned);
    expect(assigned.event.data.policy).toBe('15 working days');
    expect(lifecycleOf(appealId, EventTypes.registered)).toHaveLength(1);
  });

  it('accepts a binary-mode CloudEvent with ce_ headers', async () => {
    const data = submittedAppeal({
      regionKato: '710000000',
      kind: 'proposal',
      language: 'en',
      subject: 'Park benches',
    });
    const id = `binary-${Date.now()}`;
    await publishSubmitted(JSON.stringify(data), {
      ce_specversion: '1.0',
      ce_id: id,
      ce_source: PORTAL_SOURCE,
      ce_type: EventTypes.submitted,
      'content-type': 'application/json',
    });
    const registered = await registeredFor(id);
    const routed = await waitForLifecycle(registered.event.data.appealId as string, EventTypes.routed);
    expect(routed.event.data).toMatchObject({
      organizationId: 'akimat-astana',
      organizationName: 'Akimat of Astana',
    });
  });

  it('accepts the longest text the contract allows, even with every letter escaped as \\uXXXX', async () => {
    const data = submittedAppeal({ text: 'ә'.repeat(20_000) });
    const escaped = JSON.stringify(data).replace(
      /[^ -~]/g,
      (letter) => `\\u${letter.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
    expect(escaped.length).toBeGreaterThan(120_000);

    const response = await fetch(intakeUrl('/api/v1/appeals'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization,
        'idempotency-key': `long-${Date.now()}`,
      },
      body: escaped,
    });

    expect(response.status).toBe(201);
  });

  it('answers bad HTTP input with 400 naming each bad field', async () => {
    const data = submittedAppeal();
    const bad = await post({
      ...data,
      regionKato: '990000000',
      citizen: { ...data.citizen, iin: '900315312345' },
    });
    expect(bad.status).toBe(400);
    const fields = (bad.body.fieldErrors as Array<{ field: string; reason: string }>).map(
      (error) => error.field,
    );
    expect(fields).toEqual(expect.arrayContaining(['regionKato', 'citizen.iin']));

    const longKey = await post(data, 'k'.repeat(201));
    expect(longKey.status).toBe(400);
    expect(longKey.body.fieldErrors).toEqual([
      {
        field: 'Idempotency-Key',
        reason: 'Idempotency-Key must be at most 200 characters',
        code: 'maxLength',
        message: 'Idempotency-Key must be at most 200 characters long',
      },
    ]);
  });

  it('dead-letters a bad intake message with its original bytes and the reason, and keeps consuming', async () => {
    const data = submittedAppeal({ regionKato: '12345' });
    const event = submittedEvent(data);
    const original = JSON.stringify(event);
    await publishSubmitted(original, { 'x-origin': 'call-centre' });
    const dead = await waitUntil('the dead-letter record', async () =>
      tap.records.find(
        (record) => record.topic === Topics.intakeDeadLetter && record.value?.toString('utf8') === original,
      ),
    );
    expect(dead.headers['x-origin']).toBe('call-centre');
    expect(dead.headers['dlq-reason-code']).toBe('invalid-data');
    const reason = JSON.parse(dead.headers['dlq-reason']) as {
      fieldErrors: Array<{ field: string }>;
      consumer: string;
    };
    expect(reason.consumer).toBe('intake');
    expect(reason.fieldErrors.map((error) => error.field)).toContain('data.regionKato');

    const good = submittedEvent(submittedAppeal());
    await publishSubmitted(JSON.stringify(good));
    await registeredFor(good.id);
  });

  it('dead-letters a message built to make an oversized dead letter, and keeps registering the appeals after it', async () => {
    // Just under the topic's 1 MiB limit, with dozens of unknown fields: the original plus its reason
    // would not fit the dead-letter topic, which once stopped intake's consumer for good.
    const event = submittedEvent(submittedAppeal());
    const padding: Record<string, string> = {};
    for (let index = 0; index < 60; index += 1) padding[`pad${index}`] = '';
    const bare = JSON.stringify({ ...event, data: { ...event.data, ...padding } });
    const perField = Math.floor((1_046_000 - Buffer.byteLength(bare)) / 60);
    for (const name of Object.keys(padding)) padding[name] = 'x'.repeat(perField);
    const oversized = JSON.stringify({ ...event, data: { ...event.data, ...padding } });
    expect(Buffer.byteLength(oversized)).toBeGreaterThan(1_045_000);

    // Only dead letters after this point: postgres-restart.e2e-spec.ts leaves an oversized one of its own.
    const seenBefore = tap.records.length;
    await publishSubmitted(oversized, { 'x-origin': 'call-centre' });
    const good = submittedEvent(submittedAppeal());
    await publishSubmitted(JSON.stringify(good));

    await registeredFor(good.id);
    const dead = await waitUntil('the oversized message on the dead-letter topic', async () =>
      tap.records
        .slice(seenBefore)
        .find(
          (record) =>
            record.topic === Topics.intakeDeadLetter &&
            (JSON.parse(record.headers['dlq-reason']) as { offset: string; omitted?: unknown }).omitted !==
              undefined,
        ),
    );
    expect(dead.value).toBeNull();
    expect(dead.headers['dlq-original-omitted']).toBe('value');
    expect(dead.headers['dlq-reason-code']).toBe('invalid-data');
    expect(dead.headers['x-origin']).toBe('call-centre');
    const reason = JSON.parse(dead.headers['dlq-reason']) as {
      omitted: { value: { bytes: number; sha256: string } };
    };
    expect(reason.omitted.value).toEqual({
      bytes: Buffer.byteLength(oversized),
      sha256: createHash('sha256').update(oversized).digest('hex'),
    });
    expect((await fetch(intakeUrl('/health/live'))).status).toBe(200);
  });

  it('dead-letters a submitted event that reuses an id with other content, and keeps the first appeal', async () => {
    const event = submittedEvent(submittedAppeal());
    await publishSubmitted(JSON.stringify(event));
    await registeredFor(event.id);
    const reused = JSON.stringify({ ...event, data: { ...event.data, subject: 'Басқа тақырып' } });

    await publishSubmitted(reused);

    const dead = await waitUntil('the reused id on the intake dead-letter topic', async () =>
      tap.records.find(
        (record) => record.topic === Topics.intakeDeadLetter && record.value?.toString('utf8') === reused,
      ),
    );
    expect(dead.headers['dlq-reason-code']).toBe('idempotency-conflict');
    const { rows } = await db.query<{ subject: string }>(
      'SELECT subject FROM intake.appeal WHERE source = $1 AND source_event_id = $2',
      [PORTAL_SOURCE, event.id],
    );
    expect(rows).toEqual([{ subject: event.data.subject }]);
  });

  it('dead-letters a lifecycle event forged on the intake topic and leaves the public timeline as it was', async () => {
    const accepted = await post(submittedAppeal({ kind: 'application' }), `forgery-${Date.now()}`);
    const appealId = accepted.body.id as string;
    const trackingNumber = accepted.body.trackingNumber as string;
    const timeline = async () => {
      const response = await fetch(intakeUrl(`/api/v1/appeals/track/${trackingNumber}`));
      return (await response.json()) as { timeline: Array<{ step: string }> };
    };
    await waitUntil('the real routing on the public timeline', async () =>
      (await timeline()).timeline.some((entry) => entry.step === 'deadline-assigned'),
    );
    const forged = newCloudEvent<AppealRoutedData>({
      type: EventTypes.routed,
      source: 'urn:example:forger',
      data: {
        appealId,
        trackingNumber,
        organizationId: 'akimat-forged',
        organizationName: 'Forged akimat',
        regionKato: '751110000',
        routedAt: new Date().toISOString(),
        isFallback: false,
        kind: 'application',
        language: 'kk',
      },
    });

    await publishSubmitted(JSON.stringify(forged));

    const dead = await waitUntil('the forged event on the intake dead-letter topic', async () =>
      tap.records.find(
        (record) =>
          record.topic === Topics.intakeDeadLetter &&
          record.value?.toString('utf8') === JSON.stringify(forged),
      ),
    );
    expect(dead.headers['dlq-reason-code']).toBe('unsupported-type');
    const body = await timeline();
    expect(body.timeline.filter((entry) => entry.step === 'routed')).toHaveLength(1);
    expect(JSON.stringify(body)).not.toContain('Forged');
  });

  it('loses and doubles nothing when routing is killed mid-load and restarted', async () => {
    const total = 300;
    const routing = system.service('routing');
    const events = Array.from({ length: total }, () =>
      submittedEvent(submittedAppeal({ kind: 'application' })),
    );
    const ids = new Set(events.map((event) => event.id));
    /** Distinct: a replayed outbox may publish a `registered` event twice. */
    const registeredAppealIds = (): string[] => [
      ...new Set(
        tap
          .events<Data>(
            Topics.events,
            (e) => e.type === EventTypes.registered && ids.has(e.data.sourceEventId as string),
          )
          .map((record) => record.event.data.appealId as string),
      ),
    ];
    const assigned = async (appealIds: string[]): Promise<number> => {
      const { rows } = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM routing.assignment WHERE appeal_id = ANY($1)',
        [appealIds],
      );
      return rows[0].n;
    };
    await producer.send({
      topic: Topics.intake,
      messages: events.map((event) => ({ key: event.id, value: JSON.stringify(event) })),
    });

    await waitUntil(
      'routing to have assigned some of them',
      async () => (await assigned(registeredAppealIds())) > 0,
      {
        timeoutMs: 60_000,
        intervalMs: 20,
      },
    );
    await routing.kill();
    const assignedAtKill = await assigned(registeredAppealIds());
    routing.start();
    await system.waitReady('routing');

    const appealIds = await waitUntil(
      `all ${total} appeals registered`,
      async () => {
        const found = registeredAppealIds();
        return found.length >= total ? found : undefined;
      },
      { timeoutMs: 60_000 },
    );
    await waitUntil(
      `all ${total} appeals routed`,
      async () => appealIds.every((appealId) => lifecycleOf(appealId, EventTypes.routed).length > 0),
      { timeoutMs: 60_000 },
    );
    // Killed with work left: SIGKILL, in the middle of the load.
    expect(assignedAtKill).toBeGreaterThan(0);
    expect(assignedAtKill).toBeLessThan(total);
    expect(appealIds).toHaveLength(total);
    expect(await assigned(appealIds)).toBe(total);
    // A crash between publishing and clearing the outbox may republish a `routed` event, but never a new one.
    for (const appealId of appealIds) {
      expect(new Set(lifecycleOf(appealId, EventTypes.routed).map((record) => record.event.id)).size).toBe(1);
    }
  });
});
