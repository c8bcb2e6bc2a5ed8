import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins per username (existing or not, so that a refusal tells nothing about which exist): the
 * per-address limit alone lets many addresses guess one account's password together.
 */
export class CreateLoginThrottle1764000000740 implements MigrationInterface {
  readonly name = 'CreateLoginThrottle1764000000740';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE console.login_throttle (
        username text PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        blocked_until timestamptz,
        blocks integer NOT NULL DEFAULT 0
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE console.login_throttle`);
  }
}
