import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What routing needs to carry transfers: the appeal's place, category, kind and language (to route it again),
 * the body that holds it now, every transfer with the body that declined it, and bodies that can be taken out
 * of service or are departments rather than akimats. Appeals routed before this keep null facts: routing
 * cannot judge their competence and sends a declined one to the central reception.
 */
export class RememberHoldersAndTransfers1764000000800 implements MigrationInterface {
  readonly name = 'RememberHoldersAndTransfers1764000000800';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE routing.organization
        ADD COLUMN active boolean NOT NULL DEFAULT true,
        DROP CONSTRAINT organization_kind_check,
        ADD CONSTRAINT organization_kind_check
          CHECK (kind IN ('central-reception', 'regional-akimat', 'department'))`);
    await queryRunner.query(`
      ALTER TABLE routing.assignment
        ADD COLUMN region_kato text,
        ADD COLUMN category text,
        ADD COLUMN kind text,
        ADD COLUMN language text,
        ADD COLUMN holder_organization_id text`);
    await queryRunner.query(`UPDATE routing.assignment SET holder_organization_id = organization_id`);
    // No reference to the directory: an escalation can hand the case to a body routing does not list
    // (an akim's office).
    await queryRunner.query(
      `ALTER TABLE routing.assignment ALTER COLUMN holder_organization_id SET NOT NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE routing.transfer (
        appeal_id uuid NOT NULL REFERENCES routing.assignment (appeal_id),
        transfer_number integer NOT NULL CHECK (transfer_number >= 1),
        from_organization_id text NOT NULL,
        to_organization_id text NOT NULL REFERENCES routing.organization (id),
        decision text NOT NULL
          CHECK (decision IN ('suggested', 'rule', 'fallback', 'transfer-limit', 'no-candidate')),
        rule_id text,
        request_event_id text NOT NULL,
        transferred_at timestamptz NOT NULL,
        PRIMARY KEY (appeal_id, transfer_number)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing.transfer`);
    await queryRunner.query(`
      ALTER TABLE routing.assignment
        DROP COLUMN holder_organization_id,
        DROP COLUMN language,
        DROP COLUMN kind,
        DROP COLUMN category,
        DROP COLUMN region_kato`);
    await queryRunner.query(
      `DELETE FROM routing.routing_rule WHERE organization_id IN (SELECT id FROM routing.organization WHERE kind = 'department')`,
    );
    await queryRunner.query(`DELETE FROM routing.organization WHERE kind = 'department'`);
    await queryRunner.query(`
      ALTER TABLE routing.organization
        DROP CONSTRAINT organization_kind_check,
        ADD CONSTRAINT organization_kind_check CHECK (kind IN ('central-reception', 'regional-akimat')),
        DROP COLUMN active`);
  }
}
