import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who may call the console: staff accounts with their sessions and refresh tokens, and the credentials of
 * external systems. No secret is stored as given: passwords as scrypt hashes, refresh tokens and system
 * secrets (random, 256 bits) as SHA-256 digests.
 */
export class CreateIdentity1764000000710 implements MigrationInterface {
  readonly name = 'CreateIdentity1764000000710';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE console.staff_user (
        id uuid PRIMARY KEY,
        username text NOT NULL CHECK (username = lower(username)),
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('operator', 'supervisor', 'central-reception', 'admin')),
        organization_id text,
        region_kato text,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role <> 'operator' OR organization_id IS NOT NULL),
        CHECK (role <> 'supervisor' OR region_kato IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX staff_user_username_key ON console.staff_user (username)`);
    // A session is the family of refresh tokens one login started; access tokens carry its id (`sid`).
    await queryRunner.query(`
      CREATE TABLE console.staff_session (
        id uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES console.staff_user (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await queryRunner.query(
      `CREATE INDEX staff_session_user_idx ON console.staff_session (user_id) WHERE revoked_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE console.refresh_token (
        token_sha256 bytea PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES console.staff_session (id) ON DELETE CASCADE,
        issued_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX refresh_token_session_idx ON console.refresh_token (session_id)`);
    await queryRunner.query(`
      CREATE TABLE console.system_credential (
        client_id text PRIMARY KEY,
        name text NOT NULL,
        source text NOT NULL,
        secret_sha256 bytea NOT NULL,
        secret_version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        rotated_at timestamptz,
        revoked_at timestamptz
      )`);
    // One live credential per source: the source names the system in events and scopes its appeals.
    await queryRunner.query(
      `CREATE UNIQUE INDEX system_credential_source_key ON console.system_credential (source) WHERE revoked_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE console.system_credential`);
    await queryRunner.query(`DROP TABLE console.refresh_token`);
    await queryRunner.query(`DROP TABLE console.staff_session`);
    await queryRunner.query(`DROP TABLE console.staff_user`);
  }
}
