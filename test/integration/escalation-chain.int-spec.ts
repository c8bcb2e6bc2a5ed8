import {
  EventTypes,
  findRegionByKato,
  RefusalCode,
  Topics,
  type ActionRefusedData,
  type ActorKind,
  type EscalationReason,
  type AppealEscalatedData,
  type DeadlineAssignedData,
  type DeadlineWarningData,
} from '@app/contracts';
import { waitUntil } from '@app/local-infra';
import {
  AppealUnderTest,
  EventTap,
  LifecyclePublisher,
  OwnTestDatabase,
  testKafka,
  type TappedEvent,
} from '@app/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ESCALATION_EVENT_SOURCE } from '../../apps/escalation/src/escalation.definition';
import { escalationService, InProcessService } from '../support/service-in-process';

/**
 * The escalation chain in seconds: the escalation service in this process (sweep every 100 ms, policies
 * read at every use) on a database of its own, fed with lifecycle events on the real topic, watched on the
 * topic. Every "nothing happened" is checked after a control appeal shows that the moment has passed and the
 * sweep has run beyond it, never after a fixed sleep.
 */
jest.setTimeout(90_000);

const REGIONAL = 'regional-akimat';
const CENTRAL = 'central-reception';
const AKIM_OFFICE = 'akim-office';
/** Kinds with their own policies: complaints fall due in 3 s; requests in 8 s, for steps that must come first. */
const QUICK = 'complaint';
const SLOW = 'request';

const database = new OwnTestDatabase('escalation_chain');
const kafka = testKafka('escalation-chain-int-spec');
const publisher = new LifecyclePublisher(kafka);
const tap = new EventTap(kafka, [Topics.events]);
let escalation: InProcessService;
let db: Client;

type Data = { appealId: string };

function eventsOf<T extends Data>(appeal: AppealUnderTest, type: string): Array<TappedEvent<T>> {
  return tap.events<T>(
    Topics.events,
    (event) => event.type === type && event.data.appealId === appeal.appealId,
  );
}

async function waitForEvent<T extends Data>(
  appeal: AppealUnderTest,
  type: string,
  match: (data: T) => boolean = () => true,
): Promise<T> {
  const found = await waitUntil(
    `${type} of ${appeal.appealId}`,
    async () => eventsOf<T>(appeal, type).find((tapped) => match(tapped.event.data)),
    { timeoutMs: 30_000, intervalMs: 50 },
  );
  return found.event.data;
}

/** What escalation published about the appeal, in partition order: type, and the level a warning is about. */
function historyOf(appeal: AppealUnderTest): string[] {
  return tap
    .events<Data & { level?: string }>(Topics.events, (event) => event.data.appealId === appeal.appealId)
    .filter(({ event }) => event.source === ESCALATION_EVENT_SOURCE)
    .map(({ event }) =>
      event.type === EventTypes.deadlineWarning ? `warning@${event.data.level}` : event.type,
    );
}

async function clockOf(
  appeal: AppealUnderTest,
): Promise<{ level: string; state: string; organization_id: string }> {
  const { rows } = await db.query<{ level: string; state: string; organization_id: string }>(
    'SELECT level, state, organization_id FROM escalation.appeal_clock WHERE appeal_id = $1',
    [appeal.appealId],
  );
  return rows[0];
}

/**
 * Returns once the sweep has run past a control appeal's deadline: routed in the same send as the appeal under
 * test (so due no earlier) and never answered, it escalates then.
 */
async function sweptPast(control: AppealUnderTest): Promise<void> {
  await waitForEvent(control, EventTypes.escalated);
}

/** Waits for the appeal's escalation from the regional akimat to the central reception, for this reason and actor. */
async function climbedToCentral(
  appeal: AppealUnderTest,
  reason: EscalationReason,
  by: ActorKind,
): Promise<AppealEscalatedData & Data> {
  const escalated = await waitForEvent<AppealEscalatedData & Data>(appeal, EventTypes.escalated);
  expect(escalated).toMatchObject({
    reason,
    fromLevel: REGIONAL,
    toLevel: CENTRAL,
    escalatedBy: { kind: by },
  });
  return escalated;
}

/** Publishes a transfer and waits for the deadline it restarts. */
async function transfer(
  appeal: AppealUnderTest,
  to: string,
  at = new Date(),
): Promise<DeadlineAssignedData & Data> {
  await publisher.publish(appeal.transferred(to, at));
  return waitForEvent<DeadlineAssignedData & Data>(
    appeal,
    EventTypes.deadlineAssigned,
    (data) => data.cause === 'transferred',
  );
}

/** Routes an appeal received now and waits for its first deadline. */
async function route(appeal: AppealUnderTest): Promise<DeadlineAssignedData & Data> {
  await publisher.publish(appeal.routed());
  return waitForEvent<DeadlineAssignedData & Data>(appeal, EventTypes.deadlineAssigned);
}

/**
 * Waits until every event published before it for this appeal has been handled: a deadline extension to a
 * moment long past is refused as not-later without touching the clock, after the events ahead of it on the
 * appeal's partition.
 */
async function drain(appeal: AppealUnderTest): Promise<void> {
  const probe = appeal.deadlineExtended(new Date('2020-01-01T00:00:00Z'));
  await publisher.publish(probe);
  await waitForEvent<ActionRefusedData & Data>(
    appeal,
    EventTypes.actionRefused,
    (data) => data.refusedEventId === probe.id,
  );
}

beforeAll(async () => {
  const url = await database.create();
  await Promise.all([tap.start(), publisher.connect()]);
  escalation = new InProcessService(escalationService, {
    databaseUrl: url,
    groupId: `escalation-chain-test-${randomBytes(4).toString('hex')}`,
    env: { ESCALATION_TICK_MS: '100', ESCALATION_POLICY_CACHE_MS: '0' },
  });
  await escalation.start();
  db = new Client({ connectionString: url });
  await db.connect();
  await db.query(
    `INSERT INTO escalation.deadline_policy (level, kind, due, warn_before) VALUES
       ($1, '*', 'PT3S', '{PT2S,PT1S}'), ($2, '*', 'PT3S', '{PT1S}'), ($3, '*', 'PT3S', '{PT1S}'),
       ($1, $4, 'PT8S', '{PT2S}')
     ON CONFLICT (level, kind) DO UPDATE SET due = excluded.due, warn_before = excluded.warn_before`,
    [REGIONAL, CENTRAL, AKIM_OFFICE, SLOW],
  );
});

afterAll(async () => {
  await escalation?.stop();
  await db?.end();
  await Promise.allSettled([tap.stop(), publisher.disconnect()]);
  await database.drop();
});

describe('the escalation chain in seconds (escalation in-process, real Kafka and PostgreSQL)', () => {
  it('warns, escalates an unanswered appeal to the central reception, and marks it overdue there without a second escalation', async () => {
    const appeal = new AppealUnderTest('akimat-almaty', '751110000', QUICK);
    const assigned = await route(appeal);
    expect(assigned).toMatchObject({
      level: REGIONAL,
      organizationId: 'akimat-almaty',
      cause: 'routed',
      policy: 'PT3S',
    });

    const escalated = await waitForEvent<AppealEscalatedData & Data>(appeal, EventTypes.escalated);
    expect(escalated).toMatchObject({
      reason: 'overdue',
      fromLevel: REGIONAL,
      toLevel: CENTRAL,
      fromOrganizationId: 'akimat-almaty',
      toOrganizationId: 'central-reception',
      dueAt: assigned.dueAt,
    });
    await waitUntil(
      'the clock overdue at the central reception',
      async () => (await clockOf(appeal)).state === 'overdue',
    );

    const warnings = eventsOf<DeadlineWarningData & Data>(appeal, EventTypes.deadlineWarning).map(
      (tapped) => tapped.event.data,
    );
    const regional = warnings
      .filter((warning) => warning.level === REGIONAL)
      .map((warning) => warning.before);
    // One warning per point at most, the last point always; an earlier one may be passed over by a slow sweep.
    expect(regional).toContain('PT1S');
    expect(new Set(regional).size).toBe(regional.length);
    expect(warnings.filter((warning) => warning.level === CENTRAL).map((warning) => warning.before)).toEqual([
      'PT1S',
    ]);
    // A level's warnings come before its escalation (one key, one partition: the topic keeps their order).
    const history = historyOf(appeal);
    expect(history.lastIndexOf(`warning@${REGIONAL}`)).toBeLessThan(history.indexOf(EventTypes.escalated));
    expect(history.indexOf(`warning@${CENTRAL}`)).toBeGreaterThan(history.indexOf(EventTypes.escalated));
    expect(await clockOf(appeal)).toMatchObject({ level: CENTRAL, organization_id: 'central-reception' });
    await drain(appeal);
    expect(eventsOf(appeal, EventTypes.escalated)).toHaveLength(1);
  });

  it('warns once, at the latest point passed, before it escalates an appeal received after its deadline', async () => {
    const appeal = new AppealUnderTest('akimat-almaty', '751110000', QUICK);
    await publisher.publish(appeal.routed(new Date(Date.now() - 10_000)));

    const escalated = await waitForEvent<AppealEscalatedData & Data>(appeal, EventTypes.escalated);
    expect(escalated).toMatchObject({ reason: 'overdue', fromLevel: REGIONAL, toLevel: CENTRAL });
    const history = historyOf(appeal);
    expect(history.slice(0, 3)).toEqual([
      EventTypes.deadlineAssigned,
      `warning@${REGIONAL}`,
      EventTypes.escalated,
    ]);
    expect(
      eventsOf<DeadlineWarningData & Data>(appeal, EventTypes.deadlineWarning)[0].event.data,
    ).toMatchObject({ level: REGIONAL, before: 'PT1S' });
  });

  it('never escalates an appeal answered before its deadline', async () => {
    const answered = new AppealUnderTest('akimat-almaty', '751110000', SLOW);
    const control = new AppealUnderTest('akimat-almaty', '751110000', SLOW);
    await publisher.publish(answered.routed(), control.routed());
    await waitForEvent<DeadlineAssignedData & Data>(answered, EventTypes.deadlineAssigned);
    await publisher.publish(answered.responded());
    await waitUntil(
      'the answered clock stopped',
      async () => (await clockOf(answered))?.state === 'answered',
    );

    // The control, received with it and left unanswered, escalates: the deadline has passed and been swept.
    await sweptPast(control);
    expect(eventsOf(answered, EventTypes.escalated)).toHaveLength(0);
    expect(eventsOf(answered, EventTypes.deadlineWarning)).toHaveLength(0);
    expect(await clockOf(answered)).toMatchObject({ level: REGIONAL, state: 'answered' });
  });

  it('escalates at once, as answer-rejected, an appeal whose answer the citizen rejects', async () => {
    const appeal = new AppealUnderTest('akimat-almaty', '751110000', SLOW);
    await route(appeal);
    await publisher.publish(appeal.responded(), appeal.reopened());

    const escalated = await climbedToCentral(appeal, 'answer-rejected', 'citizen');
    expect(escalated).not.toHaveProperty('dueAt');
    expect(await clockOf(appeal)).toMatchObject({ level: CENTRAL, state: 'running' });
  });

  it('moves the deadline on an extension within the legal limit, and refuses one beyond it', async () => {
    const extended = new AppealUnderTest('akimat-almaty', '751110000', SLOW);
    const control = new AppealUnderTest('akimat-almaty', '751110000', SLOW);
    await publisher.publish(extended.routed(), control.routed());
    const original = await waitForEvent<DeadlineAssignedData & Data>(extended, EventTypes.deadlineAssigned);
    const newDueAt = new Date(Date.parse(original.dueAt) + 6_000);
    // Past two months whichever they are (62 days is exactly two months from 1 December or 1 July).
    const beyond = new Date(Date.parse(original.dueAt) + 70 * 24 * 3600 * 1000);
    const refusedExtension = extended.deadlineExtended(beyond);
    await publisher.publish(extended.deadlineExtended(newDueAt), refusedExtension);

    const moved = await waitForEvent<DeadlineAssignedData & Data>(
      extended,
      EventTypes.deadlineAssigned,
      (data) => data.cause === 'extended',
    );
    expect(moved).toMatchObject({
      dueAt: newDueAt.toISOString(),
      level: REGIONAL,
      organizationId: 'akimat-almaty',
    });
    const refused = await waitForEvent<ActionRefusedData & Data>(extended, EventTypes.actionRefused);
    expect(refused).toMatchObject({
      code: RefusalCode.beyondLegalLimit,
      refusedType: EventTypes.deadlineExtended,
      refusedEventId: refusedExtension.id,
    });

    // The old moment passes (the control escalates at it) without an escalation of the extended appeal...
    await sweptPast(control);
    expect(eventsOf(extended, EventTypes.escalated)).toHaveLength(0);
    // ...and the new one escalates it.
    const escalated = await waitForEvent<AppealEscalatedData & Data>(extended, EventTypes.escalated);
    expect(escalated).toMatchObject({ reason: 'overdue', dueAt: newDueAt.toISOString() });
    expect(Date.parse(escalated.escalatedAt)).toBeGreaterThanOrEqual(newDueAt.getTime());
  });

  it('escalates on a supervisor request as manual, and refuses a request at the last level', async () => {
    const appeal = new AppealUnderTest('akimat-almaty', '751110000', SLOW);
    await route(appeal);
    await publisher.publish(appeal.escalationRequested());
    await climbedToCentral(appeal, 'manual', 'staff');

    const again = appeal.escalationRequested();
    await publisher.publish(again);
    const refused = await waitForEvent<ActionRefusedData & Data>(appeal, EventTypes.actionRefused);
    expect(refused).toMatchObject({ code: RefusalCode.atLastLevel, refusedEventId: again.id });
    expect(eventsOf(appeal, EventTypes.escalated)).toHaveLength(1);

    // Rejected at the last level, the answer gets a new term there instead of a climb.
    await publisher.publish(appeal.responded('central-reception'), appeal.reopened());
    const renewed = await waitForEvent<DeadlineAssignedData & Data>(
      appeal,
      EventTypes.deadlineAssigned,
      (data) => data.cause === 'reopened',
    );
    expect(renewed).toMatchObject({ level: CENTRAL, organizationId: 'central-reception' });
    expect(await clockOf(appeal)).toMatchObject({ level: CENTRAL, state: 'running' });
    expect(eventsOf(appeal, EventTypes.escalated)).toHaveLength(1);
  });

  it('restarts the clock at the receiving body from the moment of a transfer', async () => {
    const appeal = new AppealUnderTest('akimat-almaty', '751110000', SLOW);
    await route(appeal);
    const transferredAt = new Date();
    const moved = await transfer(appeal, 'akimat-astana', transferredAt);
    expect(moved).toMatchObject({
      level: REGIONAL,
      organizationId: 'akimat-astana',
      dueAt: new Date(transferredAt.getTime() + 8_000).toISOString(),
    });
    // The body that passed it on no longer stops the clock; the one that received it does.
    await publisher.publish(appeal.responded('akimat-almaty'));
    await drain(appeal);
    expect(await clockOf(appeal)).toMatchObject({ state: 'running', organization_id: 'akimat-astana' });
    await publisher.publish(appeal.responded('akimat-astana'));
    await waitUntil(
      'the clock stopped by the receiving body',
      async () => (await clockOf(appeal)).state === 'answered',
    );
  });

  it('puts a case the central reception forwards to an akimat at the first level, from where it climbs back', async () => {
    const appeal = new AppealUnderTest('central-reception', undefined, QUICK);
    const assigned = await route(appeal);
    expect(assigned).toMatchObject({ level: CENTRAL, organizationId: 'central-reception' });
    const moved = await transfer(appeal, 'akimat-almaty');
    expect(moved).toMatchObject({ level: REGIONAL, organizationId: 'akimat-almaty' });
    await climbedToCentral(appeal, 'overdue', 'system');
  });

  it('puts a case an akimat forwards to the central reception at the last level', async () => {
    const appeal = new AppealUnderTest('akimat-almaty', '751110000', QUICK);
    await route(appeal);
    const moved = await transfer(appeal, 'central-reception');
    expect(moved).toMatchObject({ level: CENTRAL, organizationId: 'central-reception' });
    await waitUntil(
      'the clock overdue at the central reception',
      async () => (await clockOf(appeal)).state === 'overdue',
    );
    expect(eventsOf(appeal, EventTypes.escalated)).toHaveLength(0);
  });

  it('applies a routed and a reopened event delivered twice (same CloudEvent id) once', async () => {
    const appeal = new AppealUnderTest('akimat-almaty', '751110000', SLOW);
    const routed = appeal.routed();
    await publisher.publish(routed, routed);
    await drain(appeal);
    expect(eventsOf(appeal, EventTypes.deadlineAssigned)).toHaveLength(1);

    const reopened = appeal.reopened();
    await publisher.publish(appeal.responded(), reopened, reopened);
    await drain(appeal);
    expect(
      eventsOf<AppealEscalatedData & Data>(appeal, EventTypes.escalated).map((e) => e.event.data.reason),
    ).toEqual(['answer-rejected']);
    // A second reopening at the central reception would have started a new term there.
    expect(
      eventsOf<DeadlineAssignedData & Data>(appeal, EventTypes.deadlineAssigned).filter(
        (e) => e.event.data.cause === 'reopened',
      ),
    ).toHaveLength(0);
  });

  describe('with the akim office level switched on by data', () => {
    beforeAll(async () => {
      await db.query(`UPDATE escalation.escalation_level SET enabled = true WHERE code = $1`, [AKIM_OFFICE]);
    });

    afterAll(async () => {
      await db.query(`UPDATE escalation.escalation_level SET enabled = false WHERE code = $1`, [AKIM_OFFICE]);
    });

    it("climbs regional akimat → the region's akim office → central reception", async () => {
      const appeal = new AppealUnderTest('akimat-almaty', '751110000', QUICK);
      const office = `akim-office-${findRegionByKato(appeal.regionKato ?? '')?.id}`;
      await route(appeal);

      await waitUntil(
        'two escalations',
        async () => eventsOf(appeal, EventTypes.escalated).length >= 2 || undefined,
      );
      const steps = eventsOf<AppealEscalatedData & Data>(appeal, EventTypes.escalated).map(
        (e) => e.event.data,
      );
      expect(steps).toEqual([
        expect.objectContaining({
          reason: 'overdue',
          fromLevel: REGIONAL,
          toLevel: AKIM_OFFICE,
          fromOrganizationId: 'akimat-almaty',
          toOrganizationId: office,
        }),
        expect.objectContaining({
          reason: 'overdue',
          fromLevel: AKIM_OFFICE,
          toLevel: CENTRAL,
          fromOrganizationId: office,
          toOrganizationId: 'central-reception',
        }),
      ]);
      const { rows } = await db.query<{ from_level: string; to_level: string }>(
        'SELECT from_level, to_level FROM escalation.escalation_step WHERE appeal_id = $1 ORDER BY escalated_at',
        [appeal.appealId],
      );
      expect(rows).toEqual([
        { from_level: REGIONAL, to_level: AKIM_OFFICE },
        { from_level: AKIM_OFFICE, to_level: CENTRAL },
      ]);
    });
  });
});
