import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read model: everything here is projected from appeals.events.v1 and can be dropped and rebuilt from the
 * topic. Personal data (the citizen's contact) sits in its own table, so every read of it is a deliberate,
 * audited query.
 */
export class CreateCaseReadModel1764000000700 implements MigrationInterface {
  readonly name = 'CreateCaseReadModel1764000000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE console.case_file (
        appeal_id uuid PRIMARY KEY,
        tracking_number text NOT NULL,
        source text NOT NULL,
        source_event_id text NOT NULL,
        external_id text NOT NULL,
        kind text NOT NULL,
        category text NOT NULL,
        region_kato text NOT NULL,
        subject text NOT NULL,
        text text NOT NULL,
        language text NOT NULL,
        channel text,
        received_at timestamptz NOT NULL,
        registered_at timestamptz NOT NULL,
        status text NOT NULL,
        responsible_organization_id text,
        scope_region_kato text NOT NULL,
        organization_id text,
        organization_name text,
        level text,
        due_at timestamptz,
        original_due_at timestamptz,
        registered_on date,
        deadline_cause text,
        warned_at timestamptz,
        escalated_at timestamptz,
        escalation_count integer NOT NULL DEFAULT 0,
        transfer_count integer NOT NULL DEFAULT 0,
        declined_organization_ids text[] NOT NULL DEFAULT '{}',
        accepted_by text,
        accepted_at timestamptz,
        responded_at timestamptz,
        answered_on_time boolean,
        response_id text,
        resolved_at timestamptz,
        under_control_by text,
        under_control_at timestamptz,
        citizen_key text,
        version integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE console.case_contact (
        appeal_id uuid PRIMARY KEY REFERENCES console.case_file (appeal_id) ON DELETE CASCADE,
        full_name text NOT NULL,
        iin text,
        email text,
        phone text,
        preferred_channel text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE console.case_attachment (
        appeal_id uuid NOT NULL REFERENCES console.case_file (appeal_id) ON DELETE CASCADE,
        position integer NOT NULL,
        name text NOT NULL,
        media_type text NOT NULL,
        size_bytes bigint NOT NULL,
        url text NOT NULL,
        sha256 text NOT NULL,
        PRIMARY KEY (appeal_id, position)
      )`);
    await queryRunner.query(`
      CREATE TABLE console.case_event (
        appeal_id uuid NOT NULL REFERENCES console.case_file (appeal_id) ON DELETE CASCADE,
        position integer NOT NULL,
        event_id text NOT NULL,
        event_source text NOT NULL,
        type text NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL,
        PRIMARY KEY (appeal_id, position),
        UNIQUE (appeal_id, event_source, event_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE console.case_event`);
    await queryRunner.query(`DROP TABLE console.case_attachment`);
    await queryRunner.query(`DROP TABLE console.case_contact`);
    await queryRunner.query(`DROP TABLE console.case_file`);
  }
}
