import { assertSqlIdentifier } from '@app/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

type MigrationClass = new () => MigrationInterface;

/**
 * The outbox and inbox migrations for one service's schema. Each service lists them among its own
 * migrations, so the tables live (and evolve) with the service that owns them.
 */
export function messagingMigrations(schema: string): MigrationClass[] {
  const s = assertSqlIdentifier(schema);
  return [messagingTables(s), inboxPayloadFingerprint(s)];
}

function messagingTables(s: string): MigrationClass {
  return class MessagingTables implements MigrationInterface {
    readonly name = `MessagingTables1764000000000`;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`
        CREATE TABLE ${s}.outbox_message (
          id bigserial PRIMARY KEY,
          topic text NOT NULL,
          message_key text,
          payload text NOT NULL,
          headers jsonb NOT NULL DEFAULT '{}'::jsonb,
          created_at timestamptz NOT NULL DEFAULT now()
        )`);
      await queryRunner.query(`
        CREATE TABLE ${s}.inbox_message (
          consumer text NOT NULL,
          source text NOT NULL,
          event_id text NOT NULL,
          event_type text NOT NULL,
          processed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (consumer, source, event_id)
        )`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`DROP TABLE ${s}.inbox_message`);
      await queryRunner.query(`DROP TABLE ${s}.outbox_message`);
    }
  };
}

/**
 * Tells a replay from a reused (source, id): rows recorded before this migration have no fingerprint
 * and count as replays.
 */
function inboxPayloadFingerprint(s: string): MigrationClass {
  return class InboxPayloadFingerprint implements MigrationInterface {
    readonly name = `InboxPayloadFingerprint1764000000500`;

    async up(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`ALTER TABLE ${s}.inbox_message ADD COLUMN payload_sha256 text`);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      await queryRunner.query(`ALTER TABLE ${s}.inbox_message DROP COLUMN payload_sha256`);
    }
  };
}
