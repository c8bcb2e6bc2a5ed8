import { OutboxWriter } from '@app/messaging';
import {
  createServiceDataSource,
  migrateServiceSchema,
  type ServiceDataSourceOptions,
} from '@app/persistence';
import { PORTAL_SOURCE, submittedAppeal, testDatabaseUrl } from '@app/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { AppealRegistrar, type Submission } from '../../apps/intake/src/appeals/appeal-registrar';
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
    );
  }

  function submission(): Submission {
    return { source: PORTAL_SOURCE, sourceEventId: randomUUID(), data: submittedAppeal() };
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
    expect(first.appeal.trackingNumber).toBe(taken);

    const second = await registrar([taken, taken, 'KZ-2026-FREE-0001']).registerIn(
      queryRunner.manager,
      submission(),
    );

    expect(second.outcome).toBe('registered');
    expect(second.appeal.trackingNumber).toBe('KZ-2026-FREE-0001');
    expect(second.appeal.id).not.toBe(first.appeal.id);
    expect(await registeredEventsOf(second.appeal.id)).toBe(1);
  });

  it('answers a resubmission with the first registration even when its new tracking number is taken', async () => {
    const original = submission();
    const first = await registrar(['KZ-2026-FRST-0001']).registerIn(queryRunner.manager, original);

    const again = await registrar(['KZ-2026-FRST-0001']).registerIn(queryRunner.manager, original);

    expect(again).toEqual({ outcome: 'duplicate', appeal: expect.objectContaining({ id: first.appeal.id }) });
    expect(await registeredEventsOf(first.appeal.id)).toBe(1);
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
