import {
  EventTypes,
  RefusalCode,
  Topics,
  TransferDecision,
  type ActionRefusedData,
  type AppealRoutedData,
  type AppealTransferredData,
  type CloudEvent,
  type DeadlineAssignedData,
  type TransferRequestedData,
} from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import { AppealUnderTest, EventTap, LifecyclePublisher, OwnTestDatabase, testKafka } from '@app/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { escalationService, InProcessService, routingService } from '../support/service-in-process';

/**
 * Transfers that would loop, carried out by routing and followed by escalation (both in this process, on a
 * database of their own, over the real topic). Operators of every body that gets the appeal decline it and
 * suggest a body that declined it before; routing never hands it back, and after ROUTING_MAX_TRANSFERS it
 * sends it to the central reception, where escalation puts it at the last level.
 */
jest.setTimeout(90_000);

const CENTRAL = 'central-reception';
const CITY_AKIMAT = 'akimat-almaty';
/** Two departments of Almaty city for one category: the city's rule names A, a district's more specific one B. */
const DEPT_A = 'test-loop-dept-a';
const DEPT_B = 'test-loop-dept-b';
const CATEGORY = 'roads.loop-test';
const PLACE = '751110000';

const database = new OwnTestDatabase('transfer_loop');
const kafka = testKafka('transfer-loop-int-spec');
const publisher = new LifecyclePublisher(kafka);
const tap = new EventTap(kafka, [Topics.events]);
const run = randomBytes(4).toString('hex');
let routing: InProcessService;
let escalation: InProcessService;
let db: Client;

type Data = { appealId: string };

function eventsOf<T extends Data>(appeal: AppealUnderTest, type: string): T[] {
  return tap
    .events<T>(Topics.events, (event) => event.type === type && event.data.appealId === appeal.appealId)
    .map((tapped) => tapped.event.data);
}

async function waitForEvents<T extends Data>(
  appeal: AppealUnderTest,
  type: string,
  count: number,
  match: (data: T) => boolean = () => true,
): Promise<T[]> {
  return waitUntil(
    `${count} × ${type} of ${appeal.appealId}`,
    async () => {
      const found = eventsOf<T>(appeal, type).filter(match);
      return found.length >= count ? found : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 50 },
  );
}

/** Waits for the deadline escalation restarts at the body a transfer handed the appeal to. */
async function restartedAt(appeal: AppealUnderTest, transfers: number): Promise<DeadlineAssignedData> {
  const assigned = await waitForEvents<DeadlineAssignedData & Data>(
    appeal,
    EventTypes.deadlineAssigned,
    transfers,
    (data) => data.cause === 'transferred',
  );
  return assigned[transfers - 1];
}

/** The current holder declines (a transfer-requested); waits until routing has handed the appeal on. */
async function decline(
  appeal: AppealUnderTest,
  request: CloudEvent<TransferRequestedData>,
): Promise<AppealTransferredData & Data> {
  const before = eventsOf(appeal, EventTypes.transferred).length;
  await publisher.publish(request);
  const transferred = await waitForEvents<AppealTransferredData & Data>(
    appeal,
    EventTypes.transferred,
    before + 1,
  );
  const last = transferred[before];
  expect(await restartedAt(appeal, before + 1)).toMatchObject({ organizationId: last.toOrganizationId });
  return last;
}

async function clockOf(appeal: AppealUnderTest): Promise<{ level: string; organization_id: string }> {
  const { rows } = await db.query<{ level: string; organization_id: string }>(
    'SELECT level, organization_id FROM escalation.appeal_clock WHERE appeal_id = $1',
    [appeal.appealId],
  );
  return rows[0];
}

/** A request from a body that no longer holds the appeal: refused; every event before it has been handled. */
async function staleRequestRefused(appeal: AppealUnderTest, from: string): Promise<void> {
  const stale = appeal.transferRequested(from);
  await publisher.publish(stale);
  const [refused] = await waitForEvents<ActionRefusedData & Data>(
    appeal,
    EventTypes.actionRefused,
    1,
    (data) => data.refusedEventId === stale.id,
  );
  expect(refused).toMatchObject({
    code: RefusalCode.notTheHolder,
    refusedType: EventTypes.transferRequested,
  });
}

beforeAll(async () => {
  const url = await database.create();
  await Promise.all([tap.start(), publisher.connect()]);
  routing = new InProcessService(routingService, {
    databaseUrl: url,
    groupId: `transfer-loop-routing-${run}`,
    env: { ROUTING_MAX_TRANSFERS: '2', ROUTING_DIRECTORY_CACHE_MS: '0' },
  });
  escalation = new InProcessService(escalationService, {
    databaseUrl: url,
    groupId: `transfer-loop-escalation-${run}`,
  });
  await routing.start();
  await escalation.start();
  db = new Client({ connectionString: url });
  await db.connect();
  await db.query(
    `INSERT INTO routing.organization (id, kind, name_kk, name_ru, name_en) VALUES
       ($1, 'department', 'А бөлімі', 'Отдел А', 'Department A'),
       ($2, 'department', 'Б бөлімі', 'Отдел Б', 'Department B')`,
    [DEPT_A, DEPT_B],
  );
  await db.query(
    `INSERT INTO routing.routing_rule (id, kato_prefix, category, organization_id) VALUES
       ('loop-city', '75', $1, $2), ('loop-district', '7511', $1, $3)`,
    [CATEGORY, DEPT_A, DEPT_B],
  );
});

afterAll(async () => {
  await escalation?.stop();
  await routing?.stop();
  await db?.end();
  await Promise.allSettled([tap.stop(), publisher.disconnect()]);
  await database.drop();
});

describe('transfers that would loop (routing and escalation in-process, real Kafka and PostgreSQL)', () => {
  it('routes and then transfers an appeal whose registration and decline arrive together (one fetched batch)', async () => {
    const appeal = new AppealUnderTest(undefined, PLACE);
    // One send: adjacent offsets of one partition, so each consumer takes both in one chunk, whose bulk reads
    // could not see the assignment and the clock it has not written yet: such a chunk goes one at a time.
    await publisher.publish(appeal.registered(CATEGORY), appeal.transferRequested(DEPT_B, DEPT_A));
    const [routed] = await waitForEvents<AppealRoutedData & Data>(appeal, EventTypes.routed, 1);
    expect(routed).toMatchObject({ organizationId: DEPT_B });
    const [transferred] = await waitForEvents<AppealTransferredData & Data>(
      appeal,
      EventTypes.transferred,
      1,
    );
    expect(transferred).toMatchObject({ fromOrganizationId: DEPT_B, toOrganizationId: DEPT_A });
    expect(await restartedAt(appeal, 1)).toMatchObject({ organizationId: DEPT_A });
    expect(await clockOf(appeal)).toMatchObject({ organization_id: DEPT_A });
  });

  it('never hands the appeal back to a body that declined it, and sends it to the central reception after the limit', async () => {
    const appeal = new AppealUnderTest(undefined, PLACE);
    await publisher.publish(appeal.registered(CATEGORY));
    const [routed] = await waitForEvents<AppealRoutedData & Data>(appeal, EventTypes.routed, 1);
    expect(routed).toMatchObject({ organizationId: DEPT_B, ruleId: 'loop-district' });

    // B says it is A's; A says it is B's: routing passes B over and takes the city's own rule.
    const firstRequest = appeal.transferRequested(DEPT_B, DEPT_A);
    const first = await decline(appeal, firstRequest);
    expect(first).toMatchObject({
      fromOrganizationId: DEPT_B,
      toOrganizationId: DEPT_A,
      toOrganizationName: 'А бөлімі',
      toRegionKato: PLACE,
      decision: TransferDecision.suggested,
      transferCount: 1,
      transferredBy: { kind: 'staff' },
    });
    const second = await decline(appeal, appeal.transferRequested(DEPT_A, DEPT_B));
    expect(second).toMatchObject({
      fromOrganizationId: DEPT_A,
      toOrganizationId: CITY_AKIMAT,
      decision: TransferDecision.rule,
      ruleId: 'region-almaty',
      transferCount: 2,
    });
    // Two transfers made: the third "not ours" goes to the central reception's triage, whatever is suggested.
    const third = await decline(appeal, appeal.transferRequested(CITY_AKIMAT, DEPT_A));
    expect(third).toMatchObject({
      fromOrganizationId: CITY_AKIMAT,
      toOrganizationId: CENTRAL,
      decision: TransferDecision.transferLimit,
      transferCount: 3,
    });
    expect(third).not.toHaveProperty('toRegionKato');
    expect(third).not.toHaveProperty('ruleId');

    const path = [routed.organizationId, ...[first, second, third].map((step) => step.toOrganizationId)];
    expect(path).toEqual([DEPT_B, DEPT_A, CITY_AKIMAT, CENTRAL]);
    expect(new Set(path).size).toBe(path.length);

    // Escalation took it at the last level: the central reception's own term, with nobody above it.
    expect(await restartedAt(appeal, 3)).toMatchObject({ level: CENTRAL, organizationId: CENTRAL });
    expect(await clockOf(appeal)).toEqual({ level: CENTRAL, organization_id: CENTRAL });

    // The first request delivered again (same event id) and a decliner asking again change nothing.
    await publisher.publish(firstRequest);
    await staleRequestRefused(appeal, CITY_AKIMAT);
    expect(eventsOf(appeal, EventTypes.transferred)).toHaveLength(3);
    // Skipped by the inbox, not refused as stale: the request was carried out once.
    expect(
      eventsOf<ActionRefusedData & Data>(appeal, EventTypes.actionRefused).map((data) => data.refusedEventId),
    ).not.toContain(firstRequest.id);
    const { rows } = await db.query<{ transfers: number }>(
      'SELECT count(*)::int AS transfers FROM routing.transfer WHERE appeal_id = $1',
      [appeal.appealId],
    );
    expect(rows[0].transfers).toBe(3);
  });

  it('sends an appeal to the central reception at once when no body is left that has not declined it', async () => {
    // Astana has one body for housing, its akimat (also the region's fallback).
    const appeal = new AppealUnderTest(undefined, '711010000');
    await publisher.publish(appeal.registered('housing'));
    const [routed] = await waitForEvents<AppealRoutedData & Data>(appeal, EventTypes.routed, 1);
    expect(routed.organizationId).toBe('akimat-astana');

    const transferred = await decline(appeal, appeal.transferRequested('akimat-astana', 'akimat-astana'));
    expect(transferred).toMatchObject({
      toOrganizationId: CENTRAL,
      decision: TransferDecision.noCandidate,
      transferCount: 1,
    });
    expect(await clockOf(appeal)).toEqual({ level: CENTRAL, organization_id: CENTRAL });
  });

  it('follows an escalation: the body that lost the case to it can no longer decline it', async () => {
    const appeal = new AppealUnderTest(undefined, PLACE);
    await publisher.publish(appeal.registered(CATEGORY));
    await waitForEvents(appeal, EventTypes.deadlineAssigned, 1);
    await publisher.publish(appeal.escalationRequested());
    await waitForEvents(appeal, EventTypes.escalated, 1);

    await staleRequestRefused(appeal, DEPT_B);
    // The central reception holds it now and forwards it to the competent body that has not declined it.
    const forwarded = await decline(appeal, appeal.transferRequested(CENTRAL));
    expect(forwarded).toMatchObject({
      fromOrganizationId: CENTRAL,
      toOrganizationId: DEPT_B,
      decision: TransferDecision.rule,
      ruleId: 'loop-district',
    });
  });
});
