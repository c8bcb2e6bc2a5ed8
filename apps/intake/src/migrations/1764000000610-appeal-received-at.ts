import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When an appeal counts as received, so that its legal term runs from it. Appeals registered before this
 * column existed were received when they were submitted, or else when they were registered.
 */
export class AppealReceivedAt1764000000610 implements MigrationInterface {
  readonly name = 'AppealReceivedAt1764000000610';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.appeal ADD COLUMN received_at timestamptz`);
    await queryRunner.query(`UPDATE intake.appeal SET received_at = COALESCE(submitted_at, registered_at)`);
    await queryRunner.query(`ALTER TABLE intake.appeal ALTER COLUMN received_at SET NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE intake.appeal DROP COLUMN received_at`);
  }
}
