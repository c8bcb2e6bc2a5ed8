import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed logins per username (existing or not, so that a refusal tells nothing about which exist): the
 * per-address limit alone lets many addresses guess one account's password together. The username is kept as
 * its SHA-256 only: what people type into the username field (a password, now and then) is never stored.
 */
export class CreateLoginThrottle1764000000740 implements MigrationInterface {
  readonly name = 'CreateLoginThrottle1764000000740';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE console.login_throttle (
        username_sha256 bytea PRIMARY KEY,
        failures integer NOT NULL,
        window_started_at timestamptz NOT NULL,
        blocked_until timestamptz,
        blocks integer NOT NULL DEFAULT 0
      )`);
    await queryRunner.query(
      `CREATE INDEX login_throttle_window_idx ON console.login_throttle (window_started_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE console.login_throttle`);
  }
}
