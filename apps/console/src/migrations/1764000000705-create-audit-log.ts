import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: who read which personal data of which case, and who did what. Kept by the console itself
 * (not part of the read model): it is never dropped with a rebuild. Rows are only ever inserted.
 */
export class CreateAuditLog1764000000705 implements MigrationInterface {
  readonly name = 'CreateAuditLog1764000000705';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE console.audit_entry (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_kind text NOT NULL CHECK (actor_kind IN ('staff', 'system', 'citizen', 'anonymous')),
        actor_id text NOT NULL,
        actor_role text,
        action text NOT NULL,
        appeal_id uuid,
        fields text[] NOT NULL DEFAULT '{}',
        outcome text NOT NULL DEFAULT 'ok',
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX audit_entry_at_idx ON console.audit_entry (at DESC)`);
    await queryRunner.query(`CREATE INDEX audit_entry_actor_idx ON console.audit_entry (actor_id, at DESC)`);
    await queryRunner.query(
      `CREATE INDEX audit_entry_appeal_idx ON console.audit_entry (appeal_id, at DESC) WHERE appeal_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE console.audit_entry`);
  }
}
