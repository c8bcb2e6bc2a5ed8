import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the queries need of the read model: when the holder got the case and the deadline's policy (for the
 * queue and the deadline's explanation), a full-text document over subject and text, and indexes for the
 * queue of each scope, repeat appeals and the board.
 *
 * The document holds the 'simple' configuration's words for every language (Kazakh has no stemmer in
 * PostgreSQL: prefix matching on whole lower-cased words stands in for its suffixes) and, for Russian and
 * English, the stemmed words too. Lower-casing of ә ғ қ ң ө ұ ү һ і follows the database's LC_CTYPE, which
 * must therefore be a UTF-8 locale (C.UTF-8, kk_KZ.UTF-8, ru_RU.UTF-8), not plain C.
 */
export class CaseReadModelQueries1764000000720 implements MigrationInterface {
  readonly name = 'CaseReadModelQueries1764000000720';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE console.case_file
        ADD COLUMN held_since timestamptz,
        ADD COLUMN deadline_policy text,
        ADD COLUMN deadline_assigned_at timestamptz,
        ADD COLUMN search_document tsvector GENERATED ALWAYS AS (
          to_tsvector('simple', subject || ' ' || text)
          || CASE language
               WHEN 'ru' THEN to_tsvector('russian', subject || ' ' || text)
               WHEN 'en' THEN to_tsvector('english', subject || ' ' || text)
               ELSE ''::tsvector
             END
        ) STORED`);
    await queryRunner.query(
      `CREATE INDEX case_file_holder_due_idx ON console.case_file (organization_id, due_at, appeal_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX case_file_responsible_due_idx ON console.case_file (responsible_organization_id, due_at, appeal_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX case_file_region_due_idx ON console.case_file (scope_region_kato, due_at, appeal_id)`,
    );
    await queryRunner.query(`CREATE INDEX case_file_due_idx ON console.case_file (due_at, appeal_id)`);
    await queryRunner.query(`CREATE INDEX case_file_source_idx ON console.case_file (source, due_at)`);
    await queryRunner.query(
      `CREATE INDEX case_file_citizen_idx ON console.case_file (citizen_key, category, received_at) WHERE citizen_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX case_file_escalated_idx ON console.case_file (scope_region_kato, escalated_at) WHERE escalation_count > 0`,
    );
    await queryRunner.query(`CREATE INDEX case_file_received_idx ON console.case_file (received_at)`);
    await queryRunner.query(
      `CREATE INDEX case_file_search_idx ON console.case_file USING gin (search_document)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of [
      'case_file_search_idx',
      'case_file_received_idx',
      'case_file_escalated_idx',
      'case_file_citizen_idx',
      'case_file_source_idx',
      'case_file_due_idx',
      'case_file_region_due_idx',
      'case_file_responsible_due_idx',
      'case_file_holder_due_idx',
    ])
      await queryRunner.query(`DROP INDEX console.${index}`);
    await queryRunner.query(`
      ALTER TABLE console.case_file
        DROP COLUMN search_document,
        DROP COLUMN deadline_assigned_at,
        DROP COLUMN deadline_policy,
        DROP COLUMN held_since`);
  }
}
