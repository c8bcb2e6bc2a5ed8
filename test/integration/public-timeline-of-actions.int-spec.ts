import { CENTRAL_RECEPTION_ID, citizenDecisionSecret, EventTypes, newCloudEvent } from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import { LifecyclePublisher, submittedAppeal, testDatabaseUrl, testKafka } from '@app/testing';
import { DataSource } from 'typeorm';
import type { Principal } from '../../apps/console/src/access/principal';
import { InProcessConsole } from '../support/console-in-process';
import { postToConsole } from '../support/console-requests';
import { startIntakeInProcess, type InProcessIntake } from '../support/in-process-intake';

/**
 * What the console's actions and the citizen's voice show on intake's public tracking page: the steps and
 * when, never the answer, a note, or who acted. Intake and the console run as they do in production, talking
 * only through appeals.events.v1 (routing and escalation stand in as published events).
 */
jest.setTimeout(120_000);

const LINK_KEY = 'public-timeline-test-link-key-0123456789';
const principals: Record<string, Principal> = {
  central: { kind: 'staff', userId: 'cr-timeline', role: 'central-reception' },
};

let intake: InProcessIntake;
let consoleApp: InProcessConsole;
let publisher: LifecyclePublisher;
let db: DataSource;

beforeAll(async () => {
  intake = await startIntakeInProcess('public-timeline-of-actions-test');
  consoleApp = new InProcessConsole({
    databaseUrl: testDatabaseUrl(),
    groupId: 'public-timeline-of-actions-test',
    port: 3801,
    principals,
    env: { CONSOLE_CITIZEN_LINK_KEY: LINK_KEY },
  });
  await consoleApp.start();
  publisher = new LifecyclePublisher(testKafka('public-timeline-of-actions-publisher'));
  await publisher.connect();
  db = await new DataSource({ type: 'postgres', url: testDatabaseUrl() }).initialize();
});

afterAll(async () => {
  await db?.destroy();
  await publisher?.disconnect();
  await consoleApp?.stop();
  await intake?.stop();
});

interface PublicStatus {
  status: string;
  timeline: Array<{ step: string; at: string; details: Record<string, string> }>;
}

async function caseVersion(appealId: string): Promise<number | undefined> {
  const rows = await db.query<Array<{ version: number }>>(
    `SELECT version FROM console.case_file WHERE appeal_id = $1`,
    [appealId],
  );
  return rows[0]?.version;
}

it('shows that the case was taken under control, answered and accepted by the citizen, and nothing of the answer', async () => {
  const data = submittedAppeal();
  const submitted = await fetch(`${intake.baseUrl}/api/v1/appeals`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': `timeline-${Date.now()}`,
      authorization: intake.authorization,
    },
    body: JSON.stringify(data),
  });
  const { id: appealId, trackingNumber } = (await submitted.json()) as { id: string; trackingNumber: string };
  await waitUntil('the console to project the registration', () => caseVersion(appealId));
  // Routing sends it to the central reception's triage; escalation sets its deadline.
  const now = new Date();
  const ref = { appealId, trackingNumber };
  await publisher.publish(
    newCloudEvent({
      type: EventTypes.routed,
      source: 'urn:appeal-routing:routing',
      subject: appealId,
      data: {
        ...ref,
        organizationId: CENTRAL_RECEPTION_ID,
        organizationName: 'Орталық қабылдау',
        routedAt: now.toISOString(),
        isFallback: true,
        kind: data.kind,
        language: data.language,
      },
    }),
    newCloudEvent({
      type: EventTypes.deadlineAssigned,
      source: 'urn:appeal-routing:escalation',
      subject: appealId,
      data: {
        ...ref,
        organizationId: CENTRAL_RECEPTION_ID,
        dueAt: new Date(now.getTime() + 15 * 86_400_000).toISOString(),
        warnAt: new Date(now.getTime() + 12 * 86_400_000).toISOString(),
        policy: '15 working days',
        assignedAt: now.toISOString(),
        level: 'central-reception',
        cause: 'routed',
      },
    }),
  );
  await waitUntil(
    'the console to project routing and the deadline',
    async () => (await caseVersion(appealId)) === 3,
  );

  const act = async (action: string, body?: unknown) =>
    (
      await postToConsole(consoleApp.url, `/api/v1/cases/${appealId}/actions/${action}`, {
        token: 'central',
        ifMatch: `"${await caseVersion(appealId)}"`,
        body,
      })
    ).status;
  const answer = 'Жол маусым айында жөнделеді; мердігер: «Құрылыс-Сервис» ЖШС';
  expect(await act('take-under-control', { note: `${data.citizen.fullName} үшінші рет жазып отыр` })).toBe(
    202,
  );
  expect(await act('accept')).toBe(202);
  expect(await act('respond', { text: answer })).toBe(202);
  const [{ response_id: responseId }] = await db.query<Array<{ response_id: string }>>(
    `SELECT response_id FROM console.case_file WHERE appeal_id = $1`,
    [appealId],
  );
  const decided = await postToConsole(consoleApp.url, `/api/v1/appeals/track/${trackingNumber}/decision`, {
    key: null,
    body: { secret: citizenDecisionSecret(LINK_KEY, appealId, responseId), decision: 'accept' },
  });
  expect(decided.status).toBe(202);

  const shown = await waitUntil('the public timeline to show the resolution', async () => {
    const response = await fetch(`${intake.baseUrl}/api/v1/appeals/track/${trackingNumber}`);
    const body = (await response.json()) as PublicStatus;
    return body.status === 'resolved' ? body : undefined;
  });
  expect(shown.timeline.map(({ step, details }) => ({ step, details }))).toEqual([
    { step: 'registered', details: {} },
    { step: 'routed', details: { organization: 'Орталық қабылдау' } },
    { step: 'deadline-assigned', details: { dueAt: expect.any(String) } },
    { step: 'taken-under-control', details: {} },
    { step: 'accepted', details: {} },
    { step: 'responded', details: {} },
    { step: 'resolved', details: { by: 'citizen' } },
  ]);
  for (const entry of shown.timeline) expect(Date.parse(entry.at)).not.toBeNaN();
  const page = JSON.stringify(shown);
  for (const secret of [answer, responseId, data.citizen.fullName, 'cr-timeline', 'tracking-link'])
    expect(page).not.toContain(secret);
});
