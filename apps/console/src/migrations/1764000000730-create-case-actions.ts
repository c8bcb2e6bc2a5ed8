import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The console's own records of what people did (not the read model: a rebuild never drops them): the answers
 * given, the citizens' decisions on them, and the first answer to each action request, by idempotency key.
 * They reference appeals by id without a foreign key, since the read model's rows may be dropped and rebuilt.
 */
export class CreateCaseActions1764000000730 implements MigrationInterface {
  readonly name = 'CreateCaseActions1764000000730';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE console.case_response (
        id uuid PRIMARY KEY,
        appeal_id uuid NOT NULL,
        organization_id text NOT NULL,
        responded_by text NOT NULL,
        text text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        responded_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX case_response_appeal_idx ON console.case_response (appeal_id, responded_at DESC)`,
    );
    // One decision per answer: a repeat of the same decision is answered as the first, a change is refused.
    await queryRunner.query(`
      CREATE TABLE console.citizen_decision (
        appeal_id uuid NOT NULL,
        response_id text NOT NULL,
        decision text NOT NULL CHECK (decision IN ('accept', 'reject')),
        reason text,
        via text NOT NULL CHECK (via IN ('portal', 'link')),
        event_id text NOT NULL,
        decided_at timestamptz NOT NULL,
        PRIMARY KEY (appeal_id, response_id)
      )`);
    // Keys are the caller's own: two callers may use the same key for different requests.
    await queryRunner.query(`
      CREATE TABLE console.action_request (
        caller text NOT NULL,
        idempotency_key text NOT NULL,
        action text NOT NULL,
        appeal_id text NOT NULL,
        fingerprint text NOT NULL,
        answer jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (caller, idempotency_key)
      )`);
    await queryRunner.query(`CREATE INDEX action_request_created_idx ON console.action_request (created_at)`);
    // The citizen's link names the appeal by its tracking number.
    await queryRunner.query(`CREATE INDEX case_file_tracking_idx ON console.case_file (tracking_number)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX console.case_file_tracking_idx`);
    await queryRunner.query(`DROP TABLE console.action_request`);
    await queryRunner.query(`DROP TABLE console.citizen_decision`);
    await queryRunner.query(`DROP TABLE console.case_response`);
  }
}
