import { OutboxWriter } from '@app/messaging';
import {
  createServiceDataSource,
  migrateServiceSchema,
  type ServiceDataSourceOptions,
} from '@app/persistence';
import { PORTAL_SOURCE, submittedAppeal, testDatabaseUrl } from '@app/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  AppealRegistrar,
  type Registration,
  type Submission,
} from '../../apps/intake/src/appeals/appeal-registrar';
import type { Appeal } from '../../apps/intake/src/appeals/appeal.entity';
import { submittedAtPolicyFromEnv } from '../../apps/intake/src/appeals/received-at';
import { TrackingNumberIssuer } from '../../apps/intake/src/appeals/tracking-number';
import { intakeDefinition } from '../../apps/intake/src/intake.definition';

/**
 * Intake's registrar against a real PostgreSQL, in intake's own schema. Every test runs in a transaction
 * that is rolled back, so no appeal or outbox row is left for the intake service of the e2e suite to publish.
 */
jest.setTimeout(30_000);

/** Hands out the given tracking numbers in order, then random ones. */
class ScriptedTrackingNumbers extends TrackingNumberIssuer {
  constructor(private readonly script: string[]) {
    super();
  }

  override draw(): string {
    return this.script.shift() ?? super.draw();
  }
}

describe('AppealRegistrar (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let queryRunner: QueryRunner;

  beforeAll(async () => {
    const options: ServiceDataSourceOptions = {
      url: testDatabaseUrl(),
      schema: intakeDefinition.schema,
      entities: intakeDefinition.entities,
      migrations: intakeDefinition.migrations,
      applicationName: 'appeal-registration-int-spec',
    };
    await migrateServiceSchema(options);
    dataSource = createServiceDataSource(options);
    await dataSource.initialize();
  });

  beforeEach(async () => {
    queryRunner = dataSource.createQueryRunner();
    await queryRunner.startTransaction();
  });

  afterEach(async () => {
    await queryRunner.rollbackTransaction();
    await queryRunner.release();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  function registrar(trackingNumbers: string[] = []): AppealRegistrar {
    return new AppealRegistrar(
      dataSource,
      new OutboxWriter(intakeDefinition.schema),
      new ScriptedTrackingNumbers(trackingNumbers),
      submittedAtPolicyFromEnv({}),
    );
  }

  function submission(): Submission {
    return {
      source: PORTAL_SOURCE,
      sourceEventId: randomUUID(),
      data: submittedAppeal(),
      arrivedAt: new Date(),
    };
  }

  /** The appeal a registration names; fails the test when it was refused. */
  function appealOf(registration: Registration): Appeal {
    if (registration.outcome === 'refused') throw new Error('expected a registration, got a refusal');
    return registration.appeal;
  }

  async function registeredEventsOf(appealId: string): Promise<number> {
    const [{ count }] = await queryRunner.manager.query<Array<{ count: string }>>(
      `SELECT count(*) AS count FROM intake.outbox_message WHERE message_key = $1`,
      [appealId],
    );
    return Number(count);
  }

  it('draws another tracking number when the one drawn is taken, and registers the appeal once', async () => {
    const taken = 'KZ-2026-TAKE-N000';
    const first = await registrar([taken]).registerIn(queryRunner.manager, submission());
    expect(first.outcome).toBe('registered');
    expect(appealOf(first).trackingNumber).toBe(taken);

    const second = await registrar([taken, taken, 'KZ-2026-FREE-0001']).registerIn(
      queryRunner.manager,
      submission(),
    );

    expect(second.outcome).toBe('registered');
    expect(appealOf(second).trackingNumber).toBe('KZ-2026-FREE-0001');
    expect(appealOf(second).id).not.toBe(appealOf(first).id);
    expect(await registeredEventsOf(appealOf(second).id)).toBe(1);
  });

  it('answers a resubmission with the first registration even when its new tracking number is taken', async () => {
    const original = submission();
    const first = await registrar(['KZ-2026-FRST-0001']).registerIn(queryRunner.manager, original);

    const again = await registrar(['KZ-2026-FRST-0001']).registerIn(queryRunner.manager, original);

    expect(again).toEqual({
      outcome: 'duplicate',
      appeal: expect.objectContaining({ id: appealOf(first).id }),
    });
    expect(await registeredEventsOf(appealOf(first).id)).toBe(1);
  });

  it('answers a retry of a registered submission as a duplicate even once its submittedAt has gone stale', async () => {
    const original = {
      ...submission(),
      data: { ...submittedAppeal(), submittedAt: new Date().toISOString() },
    };
    const first = await registrar().registerIn(queryRunner.manager, original);
    expect(first.outcome).toBe('registered');

    const monthsLater = new Date(original.arrivedAt.getTime() + 90 * 24 * 3600_000);
    const retry = await registrar().registerIn(queryRunner.manager, { ...original, arrivedAt: monthsLater });

    expect(retry).toEqual({
      outcome: 'duplicate',
      appeal: expect.objectContaining({ id: appealOf(first).id }),
    });
  });

  it('stores when the appeal counts as received, and registers nothing for a refused submittedAt', async () => {
    const given = {
      ...submission(),
      data: { ...submittedAppeal(), submittedAt: '2026-11-30T09:00:00+05:00' },
    };
    const arrivedAt = new Date('2026-11-30T04:10:00Z');
    const accepted = appealOf(await registrar().registerIn(queryRunner.manager, { ...given, arrivedAt }));
    const [row] = await queryRunner.manager.query<Array<{ received_at: Date }>>(
      `SELECT received_at FROM intake.appeal WHERE id = $1`,
      [accepted.id],
    );
    expect(row.received_at.toISOString()).toBe('2026-11-30T04:00:00.000Z');

    const future = {
      ...submission(),
      data: { ...submittedAppeal(), submittedAt: '2026-11-30T09:30:00+05:00' },
    };
    const refused = await registrar().registerIn(queryRunner.manager, { ...future, arrivedAt });
    expect(refused).toEqual({
      outcome: 'refused',
      fieldErrors: [
        {
          field: 'submittedAt',
          reason: expect.stringContaining('ahead of intake'),
          code: 'submittedAtTooFarAhead',
          params: { tolerance: 'PT5M', now: arrivedAt.toISOString() },
        },
      ],
    });
    const rows = await queryRunner.manager.query<unknown[]>(
      `SELECT 1 FROM intake.appeal WHERE source = $1 AND source_event_id = $2`,
      [future.source, future.sourceEventId],
    );
    expect(rows).toHaveLength(0);
  });

  it('gives up with an error, registering nothing, when every tracking number it draws is taken', async () => {
    const taken = 'KZ-2026-FULL-0000';
    await registrar([taken]).registerIn(queryRunner.manager, submission());
    const unlucky = submission();

    await expect(
      registrar(Array<string>(5).fill(taken)).registerIn(queryRunner.manager, unlucky),
    ).rejects.toThrow('no free tracking number after 5 draws');
    const rows = await queryRunner.manager.query<unknown[]>(
      `SELECT 1 FROM intake.appeal WHERE source = $1 AND source_event_id = $2`,
      [unlucky.source, unlucky.sourceEventId],
    );
    expect(rows).toHaveLength(0);
  });
});
