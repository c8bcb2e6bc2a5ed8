import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Delivery: each notification becomes a unit of work with its rendered content, its attempts and the time of
 * its next one (a pending send is a row, never a held batch); every attempt is logged; external systems'
 * webhook subscriptions live here too. Rows recorded before delivery existed were never sent and would now be
 * stale news to the citizen: they are closed as `failed` with `recorded-before-delivery`, not sent.
 */
export class DeliverNotifications1764000000900 implements MigrationInterface {
  readonly name = 'DeliverNotifications1764000000900';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE notification.appeal_contact
        ADD COLUMN source text,
        ADD COLUMN holder_organization_id text`);
    await queryRunner.query(`
      ALTER TABLE notification.notification
        DROP CONSTRAINT notification_recipient_kind_check,
        DROP CONSTRAINT notification_channel_check,
        ADD COLUMN tracking_number text,
        ADD COLUMN content jsonb,
        ADD COLUMN attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN lease_until timestamptz,
        ADD COLUMN last_error text,
        ADD COLUMN sent_at timestamptz,
        ADD COLUMN failed_at timestamptz,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await queryRunner.query(`
      UPDATE notification.notification
         SET status = 'failed', last_error = 'recorded-before-delivery', failed_at = now()
       WHERE status = 'pending'`);
    await queryRunner.query(`
      ALTER TABLE notification.notification
        ADD CONSTRAINT notification_recipient_kind_check
          CHECK (recipient_kind IN ('citizen', 'organization', 'system')),
        ADD CONSTRAINT notification_channel_check CHECK (channel IN ('email', 'sms', 'in-app', 'webhook')),
        ADD CONSTRAINT notification_status_check CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'held')),
        ADD CONSTRAINT notification_content_check CHECK (content IS NOT NULL OR status = 'failed')`);
    await queryRunner.query(`
      CREATE INDEX notification_due_idx ON notification.notification (channel, next_attempt_at)
        WHERE status = 'pending'`);
    await queryRunner.query(`
      CREATE INDEX notification_leased_idx ON notification.notification (lease_until) WHERE status = 'sending'`);
    await queryRunner.query(`
      CREATE TABLE notification.delivery_attempt (
        id bigserial PRIMARY KEY,
        notification_id bigint NOT NULL REFERENCES notification.notification (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        channel text NOT NULL,
        started_at timestamptz NOT NULL,
        finished_at timestamptz NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('sent', 'retry', 'rejected', 'unknown')),
        provider_answer text NOT NULL,
        UNIQUE (notification_id, attempt)
      )`);
    await queryRunner.query(`
      CREATE TABLE notification.webhook_subscription (
        id uuid PRIMARY KEY,
        client_id text NOT NULL,
        source text NOT NULL,
        url text NOT NULL,
        event_types text[] NOT NULL,
        secret text NOT NULL,
        description text,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
        consecutive_failures integer NOT NULL DEFAULT 0,
        disabled_at timestamptz,
        disabled_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_subscription_source_idx ON notification.webhook_subscription (source)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE notification.webhook_subscription`);
    await queryRunner.query(`DROP TABLE notification.delivery_attempt`);
    await queryRunner.query(`DROP INDEX notification.notification_leased_idx`);
    await queryRunner.query(`DROP INDEX notification.notification_due_idx`);
    await queryRunner.query(`
      ALTER TABLE notification.notification
        DROP CONSTRAINT notification_content_check,
        DROP CONSTRAINT notification_status_check,
        DROP CONSTRAINT notification_channel_check,
        DROP CONSTRAINT notification_recipient_kind_check`);
    await queryRunner.query(`DELETE FROM notification.notification WHERE channel = 'webhook'`);
    await queryRunner.query(`
      ALTER TABLE notification.notification
        DROP COLUMN tracking_number, DROP COLUMN content, DROP COLUMN attempts, DROP COLUMN next_attempt_at,
        DROP COLUMN lease_until, DROP COLUMN last_error, DROP COLUMN sent_at, DROP COLUMN failed_at,
        DROP COLUMN updated_at,
        ADD CONSTRAINT notification_recipient_kind_check CHECK (recipient_kind IN ('citizen', 'organization')),
        ADD CONSTRAINT notification_channel_check CHECK (channel IN ('email', 'sms', 'in-app'))`);
    await queryRunner.query(`
      ALTER TABLE notification.appeal_contact DROP COLUMN source, DROP COLUMN holder_organization_id`);
  }
}
