import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1764000000400 implements MigrationInterface {
  readonly name = 'CreateNotifications1764000000400';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notification.appeal_contact (
        appeal_id uuid PRIMARY KEY,
        tracking_number text NOT NULL,
        full_name text NOT NULL,
        email text,
        phone text,
        preferred_channel text NOT NULL CHECK (preferred_channel IN ('email', 'sms')),
        language text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE notification.notification (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL,
        event_type text NOT NULL,
        appeal_id uuid NOT NULL,
        recipient_kind text NOT NULL CHECK (recipient_kind IN ('citizen', 'organization')),
        recipient text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'sms', 'in-app')),
        template text NOT NULL,
        language text NOT NULL,
        status text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX notification_once_uq ON notification.notification (event_id, recipient, channel)`,
    );
    await queryRunner.query(`CREATE INDEX notification_appeal_idx ON notification.notification (appeal_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification.notification`);
    await queryRunner.query(`DROP TABLE notification.appeal_contact`);
  }
}
