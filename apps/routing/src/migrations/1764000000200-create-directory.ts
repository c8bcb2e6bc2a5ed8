import { CENTRAL_RECEPTION_ID, KZ_REGIONS, regionalAkimatId } from '@app/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory: the central reception and the 20 regional akimats, one routing rule per region. */
export class CreateDirectory1764000000200 implements MigrationInterface {
  readonly name = 'CreateDirectory1764000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE routing.organization (
        id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('central-reception', 'regional-akimat')),
        name_kk text NOT NULL,
        name_ru text NOT NULL,
        name_en text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE routing.routing_rule (
        id text PRIMARY KEY,
        kato_prefix text NOT NULL CHECK (kato_prefix ~ '^[0-9]{2,9}$'),
        category text,
        kind text,
        organization_id text NOT NULL REFERENCES routing.organization (id)
      )`);
    await queryRunner.query(`
      CREATE TABLE routing.assignment (
        appeal_id uuid PRIMARY KEY,
        tracking_number text NOT NULL,
        organization_id text NOT NULL REFERENCES routing.organization (id),
        rule_id text,
        is_fallback boolean NOT NULL,
        routed_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `INSERT INTO routing.organization (id, kind, name_kk, name_ru, name_en) VALUES ($1, 'central-reception', $2, $3, $4)`,
      [
        CENTRAL_RECEPTION_ID,
        'Азаматтарды қабылдау орталығы',
        'Центр приёма граждан',
        'Central Reception of Citizens',
      ],
    );
    for (const region of KZ_REGIONS) {
      const id = regionalAkimatId(region.id);
      await queryRunner.query(
        `INSERT INTO routing.organization (id, kind, name_kk, name_ru, name_en) VALUES ($1, 'regional-akimat', $2, $3, $4)`,
        [id, `${region.name.kk} әкімдігі`, `Акимат: ${region.name.ru}`, `Akimat of ${region.name.en}`],
      );
      await queryRunner.query(
        `INSERT INTO routing.routing_rule (id, kato_prefix, organization_id) VALUES ($1, $2, $3)`,
        [`region-${region.id}`, region.katoPrefix, id],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE routing.assignment`);
    await queryRunner.query(`DROP TABLE routing.routing_rule`);
    await queryRunner.query(`DROP TABLE routing.organization`);
  }
}
