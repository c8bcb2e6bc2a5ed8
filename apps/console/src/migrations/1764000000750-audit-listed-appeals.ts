import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Who saw this appeal" must find the lists and searches that showed it too: their audit entries name the
 * appeals in `detail.appealIds`, indexed here so the admin's query by appeal stays an index lookup.
 */
export class AuditListedAppeals1764000000750 implements MigrationInterface {
  readonly name = 'AuditListedAppeals1764000000750';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX audit_entry_listed_appeals_idx ON console.audit_entry USING gin ((detail -> 'appealIds'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX console.audit_entry_listed_appeals_idx`);
  }
}
