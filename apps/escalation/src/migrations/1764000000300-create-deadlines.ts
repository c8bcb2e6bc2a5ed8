import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDeadlines1764000000300 implements MigrationInterface {
  readonly name = 'CreateDeadlines1764000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE escalation.deadline_policy (
        kind text PRIMARY KEY,
        due_working_days int CHECK (due_working_days >= 0),
        due_duration text,
        warn_working_days_before int CHECK (warn_working_days_before >= 0),
        warn_duration_before text,
        CHECK ((due_working_days IS NULL) <> (due_duration IS NULL)),
        CHECK ((warn_working_days_before IS NULL) <> (warn_duration_before IS NULL))
      )`);
    // АППК art. 76: an appeal is answered within 15 working days; staff are warned 3 working days ahead.
    await queryRunner.query(`
      INSERT INTO escalation.deadline_policy (kind, due_working_days, warn_working_days_before)
      SELECT kind, 15, 3 FROM unnest(ARRAY['application', 'complaint', 'proposal', 'request', 'response']) AS kind`);
    await queryRunner.query(`
      CREATE TABLE escalation.watched_appeal (
        appeal_id uuid PRIMARY KEY,
        tracking_number text NOT NULL,
        organization_id text NOT NULL,
        policy text NOT NULL,
        due_at timestamptz NOT NULL,
        warn_at timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('watching', 'warned', 'escalated', 'overdue')),
        warned_at timestamptz,
        escalated_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX watched_appeal_warn_idx ON escalation.watched_appeal (warn_at) WHERE state = 'watching'`,
    );
    await queryRunner.query(
      `CREATE INDEX watched_appeal_due_idx ON escalation.watched_appeal (due_at) WHERE state IN ('watching', 'warned')`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE escalation.watched_appeal`);
    await queryRunner.query(`DROP TABLE escalation.deadline_policy`);
  }
}
