import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAppeals1764000000100 implements MigrationInterface {
  readonly name = 'CreateAppeals1764000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE intake.appeal (
        id uuid PRIMARY KEY,
        tracking_number text NOT NULL,
        source text NOT NULL,
        source_event_id text NOT NULL,
        payload_sha256 text NOT NULL,
        external_id text NOT NULL,
        kind text NOT NULL,
        category text NOT NULL,
        region_kato text NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        language text NOT NULL,
        channel text,
        citizen jsonb NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]'::jsonb,
        submitted_at timestamptz,
        status text NOT NULL,
        registered_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX appeal_tracking_number_uq ON intake.appeal (tracking_number)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX appeal_source_event_uq ON intake.appeal (source, source_event_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE intake.appeal_status_entry (
        id bigserial PRIMARY KEY,
        appeal_id uuid NOT NULL REFERENCES intake.appeal (id),
        event_id text NOT NULL,
        step text NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        occurred_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX appeal_status_entry_event_uq ON intake.appeal_status_entry (event_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX appeal_status_entry_appeal_idx ON intake.appeal_status_entry (appeal_id, occurred_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE intake.appeal_status_entry`);
    await queryRunner.query(`DROP TABLE intake.appeal`);
  }
}
