import { CENTRAL_RECEPTION_ID, citizenDecisionSecret } from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import { submittedAppeal, testDatabaseUrl } from '@app/testing';
import { DataSource } from 'typeorm';
import type { Principal } from '../../apps/console/src/access/principal';
import {
  postToConsole,
  seedCaseFile,
  startConsoleInProcess,
  TestTokens,
  type InProcessConsole,
} from '../support/in-process-console';
import { startIntakeInProcess, type InProcessIntake } from '../support/in-process-intake';

/**
 * What the console's actions and the citizen's voice show on intake's public tracking page: the steps and
 * when, never the answer, a note, or who acted. Intake and the console run as they do in production, talking
 * only through appeals.events.v1.
 */
jest.setTimeout(120_000);

const LINK_KEY = 'public-timeline-test-link-key-0123456789';
const principals: Record<string, Principal> = {
  central: { kind: 'staff', userId: 'cr-timeline', role: 'central-reception' },
};

let intake: InProcessIntake;
let consoleApp: InProcessConsole;
let db: DataSource;

beforeAll(async () => {
  intake = await startIntakeInProcess('public-timeline-of-actions-test');
  consoleApp = await startConsoleInProcess(new TestTokens(principals), {
    CONSOLE_CITIZEN_LINK_KEY: LINK_KEY,
  });
  db = await new DataSource({ type: 'postgres', url: testDatabaseUrl() }).initialize();
});

afterAll(async () => {
  await db?.destroy();
  await consoleApp?.stop();
  await intake?.stop();
});

interface PublicStatus {
  status: string;
  timeline: Array<{ step: string; at: string; details: Record<string, string> }>;
}

it('shows that the case was taken under control, answered and accepted by the citizen, and nothing of the answer', async () => {
  const data = submittedAppeal();
  const submitted = await fetch(`${intake.baseUrl}/api/v1/appeals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `timeline-${Date.now()}` },
    body: JSON.stringify(data),
  });
  const { id: appealId, trackingNumber } = (await submitted.json()) as { id: string; trackingNumber: string };
  // The appeal as the console's read model holds it once escalated to the central reception.
  await seedCaseFile(db, {
    appeal_id: appealId,
    tracking_number: trackingNumber,
    organization_id: CENTRAL_RECEPTION_ID,
    level: 'central-reception',
  });
  const act = async (action: string, version: number, body?: unknown) =>
    (
      await postToConsole(consoleApp, `/api/v1/cases/${appealId}/actions/${action}`, {
        token: 'central',
        ifMatch: `"${version}"`,
        body,
      })
    ).status;
  const answer = 'Жол маусым айында жөнделеді; мердігер: «Құрылыс-Сервис» ЖШС';
  expect(await act('take-under-control', 3, { note: `${data.citizen.fullName} үшінші рет жазып отыр` })).toBe(
    202,
  );
  expect(await act('accept', 4)).toBe(202);
  expect(await act('respond', 5, { text: answer })).toBe(202);
  const [{ response_id: responseId }] = await db.query<Array<{ response_id: string }>>(
    `SELECT response_id FROM console.case_file WHERE appeal_id = $1`,
    [appealId],
  );
  const decided = await postToConsole(consoleApp, `/api/v1/appeals/track/${trackingNumber}/decision`, {
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
