import { migrateServiceSchema } from '@app/persistence';
import { OwnTestDatabase } from '@app/testing';
import { Client } from 'pg';
import { escalationDefinition } from '../../apps/escalation/src/escalation.definition';
import { CreateEscalationChain1764000000310 } from '../../apps/escalation/src/migrations/1764000000310-create-escalation-chain';

/**
 * A deployment of the first release has open deadlines in escalation.watched_appeal and, maybe, a changed
 * policy row. The chain's migration must carry them over: the same deadline, at the first level, still to be
 * warned or escalated, and the operator's policy kept.
 */
const database = new OwnTestDatabase('chain_migration');
const before = escalationDefinition.migrations.filter(
  (migration) => migration !== CreateEscalationChain1764000000310,
);
let db: Client;

beforeAll(async () => {
  const url = await database.create();
  const options = { url, schema: 'escalation', entities: [], applicationName: 'migration-test' };
  await migrateServiceSchema({ ...options, migrations: before });
  db = new Client({ connectionString: url });
  await db.connect();
  await db.query(`UPDATE escalation.deadline_policy SET due_working_days = NULL, due_duration = 'PT6S',
                    warn_working_days_before = NULL, warn_duration_before = 'PT3S' WHERE kind = 'complaint'`);
  // Due at 20:00 UTC on 20 March: already 21 March in Kazakhstan.
  await db.query(`
    INSERT INTO escalation.watched_appeal (appeal_id, tracking_number, organization_id, policy, due_at, warn_at, state)
    VALUES ('00000000-0000-4000-8000-000000000001', 'KZ-1', 'akimat-almaty', '15 working days',
            '2026-03-20T20:00:00Z', '2026-03-17T19:00:00Z', 'watching'),
           ('00000000-0000-4000-8000-000000000002', 'KZ-2', 'akimat-almaty', '15 working days',
            '2026-03-20T20:00:00Z', '2026-03-17T19:00:00Z', 'warned'),
           ('00000000-0000-4000-8000-000000000003', 'KZ-3', 'central-reception', '15 working days',
            '2026-03-20T20:00:00Z', '2026-03-17T19:00:00Z', 'overdue')`);
  // Escalated at 10:00 in Kazakhstan on Friday 20 March 2026.
  await db.query(`
    INSERT INTO escalation.watched_appeal (appeal_id, tracking_number, organization_id, policy, due_at, warn_at, state,
                                           escalated_at)
    VALUES ('00000000-0000-4000-8000-000000000004', 'KZ-4', 'akimat-almaty', '15 working days',
            '2026-03-20T04:00:00Z', '2026-03-17T19:00:00Z', 'escalated', '2026-03-20T05:00:00Z')`);
  await migrateServiceSchema({ ...options, migrations: escalationDefinition.migrations });
});

afterAll(async () => {
  await db?.end();
  await database.drop();
});

describe('the escalation chain migration', () => {
  it('carries every clock over: open ones with their deadline, escalated ones at the central reception', async () => {
    const { rows } = await db.query<{
      tracking_number: string;
      kind: string;
      level: string;
      organization_id: string;
      received_at: Date | null;
      due_at: Date;
      next_warn_at: Date | null;
      state: string;
    }>(`SELECT tracking_number, kind, level, organization_id, received_at, due_at, next_warn_at, state
        FROM escalation.appeal_clock ORDER BY tracking_number`);
    const common = { kind: '*', received_at: null };
    expect(rows).toEqual([
      {
        ...common,
        tracking_number: 'KZ-1',
        level: 'regional-akimat',
        organization_id: 'akimat-almaty',
        due_at: new Date('2026-03-20T20:00:00Z'),
        next_warn_at: new Date('2026-03-17T19:00:00Z'),
        state: 'running',
      },
      {
        ...common,
        tracking_number: 'KZ-2',
        level: 'regional-akimat',
        organization_id: 'akimat-almaty',
        due_at: new Date('2026-03-20T20:00:00Z'),
        next_warn_at: null,
        state: 'running',
      },
      {
        ...common,
        tracking_number: 'KZ-3',
        level: 'central-reception',
        organization_id: 'central-reception',
        due_at: new Date('2026-03-20T20:00:00Z'),
        next_warn_at: null,
        state: 'overdue',
      },
      {
        ...common,
        tracking_number: 'KZ-4',
        level: 'central-reception',
        organization_id: 'central-reception',
        // 15 weekdays after Friday 20 March: Friday 10 April, 23:59:59.999 in Kazakhstan.
        due_at: new Date('2026-04-10T23:59:59.999+05:00'),
        next_warn_at: null,
        state: 'running',
      },
    ]);
  });

  it('records the first release’s escalations in the ledger, so none is repeated', async () => {
    const { rows } = await db.query(
      'SELECT appeal_id, from_level, to_level, reason FROM escalation.escalation_step',
    );
    expect(rows).toEqual([
      {
        appeal_id: '00000000-0000-4000-8000-000000000004',
        from_level: 'regional-akimat',
        to_level: 'central-reception',
        reason: 'overdue',
      },
    ]);
  });

  it("keeps an operator's changed policy at the first level and adds the law's default for every level", async () => {
    const { rows } = await db.query<{ level: string; kind: string; due: string; warn_before: string[] }>(
      'SELECT level, kind, due, warn_before FROM escalation.deadline_policy ORDER BY level, kind',
    );
    expect(rows).toEqual([
      {
        level: 'akim-office',
        kind: '*',
        due: '15 working days',
        warn_before: ['3 working days', '1 working day'],
      },
      {
        level: 'central-reception',
        kind: '*',
        due: '15 working days',
        warn_before: ['3 working days', '1 working day'],
      },
      {
        level: 'regional-akimat',
        kind: '*',
        due: '15 working days',
        warn_before: ['3 working days', '1 working day'],
      },
      { level: 'regional-akimat', kind: 'complaint', due: 'PT6S', warn_before: ['PT3S'] },
    ]);
  });
});
