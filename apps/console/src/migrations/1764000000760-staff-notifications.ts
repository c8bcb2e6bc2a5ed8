import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What notification tells staff, and in which language:
 * - `staff_user.language`: the language a member of staff reads in-app messages in. Accounts made before were
 *   never asked; they get Russian, which every member of staff of a state body reads (Kazakh is the state
 *   language, but not everyone reads it fluently yet), and each can switch with `PATCH /api/v1/me`.
 * - `staff_message`: each in-app message for an organisation's staff, in every language, once per notification
 *   id; `seq` orders them by arrival for keyset pages. `staff_message_read`: who has read which.
 * - `delivery_failure`: messages notification gave up on, shown on the case's timeline.
 * None of them references case_file: a rebuild empties the read model, and these tables are not part of it.
 */
export class StaffNotifications1764000000760 implements MigrationInterface {
  readonly name = 'StaffNotifications1764000000760';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE console.staff_user
        ADD COLUMN language text NOT NULL DEFAULT 'ru' CHECK (language IN ('kk', 'ru', 'en'))`);
    await queryRunner.query(`
      CREATE TABLE console.staff_message (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        organization_id text NOT NULL,
        appeal_id uuid NOT NULL,
        tracking_number text NOT NULL,
        event_type text NOT NULL,
        template text NOT NULL,
        title jsonb NOT NULL,
        body jsonb NOT NULL,
        sent_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX staff_message_organization_idx ON console.staff_message (organization_id, seq DESC)`,
    );
    // A supervisor's messages are found through the cases of the region.
    await queryRunner.query(`CREATE INDEX staff_message_appeal_idx ON console.staff_message (appeal_id)`);
    await queryRunner.query(`
      CREATE TABLE console.staff_message_read (
        message_seq bigint NOT NULL REFERENCES console.staff_message (seq) ON DELETE CASCADE,
        user_id text NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, message_seq)
      )`);
    await queryRunner.query(`
      CREATE TABLE console.delivery_failure (
        notification_id text PRIMARY KEY,
        appeal_id uuid NOT NULL,
        event_id text NOT NULL,
        event_source text NOT NULL,
        announced_event_type text NOT NULL,
        channel text NOT NULL,
        recipient_kind text NOT NULL,
        organization_id text,
        template text NOT NULL,
        reason text NOT NULL,
        attempts integer NOT NULL,
        failed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX delivery_failure_appeal_idx ON console.delivery_failure (appeal_id, failed_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE console.delivery_failure`);
    await queryRunner.query(`DROP TABLE console.staff_message_read`);
    await queryRunner.query(`DROP TABLE console.staff_message`);
    await queryRunner.query(`ALTER TABLE console.staff_user DROP COLUMN language`);
  }
}
