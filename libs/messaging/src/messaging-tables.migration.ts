import { assertSqlIdentifier } from '@app/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox and inbox tables for one service's schema. Each service lists the class this returns
 * among its own migrations, so the tables live (and evolve) with the service that owns them.
 */
export function messagingTablesMigration(schema: string): new () => MigrationInterface {
  const s = assertSqlIdentifier(schema);
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
