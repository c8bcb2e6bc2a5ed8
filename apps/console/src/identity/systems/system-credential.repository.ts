import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface SystemCredential {
  clientId: string;
  name: string;
  source: string;
  secretVersion: number;
  createdAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

interface Row {
  client_id: string;
  name: string;
  source: string;
  secret_sha256: Buffer;
  secret_version: number;
  created_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

const COLUMNS = 'client_id, name, source, secret_version, created_at, rotated_at, revoked_at';

function credential(row: Row): SystemCredential {
  return {
    clientId: row.client_id,
    name: row.name,
    source: row.source,
    secretVersion: row.secret_version,
    createdAt: row.created_at,
    rotatedAt: row.rotated_at,
    revokedAt: row.revoked_at,
  };
}

/** Every query on console.system_credential. */
@Injectable()
export class SystemCredentialRepository {
  /** False when a live credential already has this source. */
  async insert(
    manager: EntityManager,
    system: { clientId: string; name: string; source: string; secretDigest: Buffer },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO console.system_credential (client_id, name, source, secret_sha256) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING client_id`,
      [system.clientId, system.name, system.source, system.secretDigest],
    );
    return rows.length > 0;
  }

  async list(manager: EntityManager): Promise<SystemCredential[]> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM console.system_credential ORDER BY revoked_at IS NOT NULL, created_at`,
    );
    return rows.map(credential);
  }

  async live(
    manager: EntityManager,
    clientId: string,
  ): Promise<(SystemCredential & { secretDigest: Buffer }) | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS}, secret_sha256 FROM console.system_credential WHERE client_id = $1 AND revoked_at IS NULL`,
      [clientId],
    );
    return rows[0] && { ...credential(rows[0]), secretDigest: rows[0].secret_sha256 };
  }

  /** The live credential with its new secret; undefined when there is no live one. */
  async rotate(
    manager: EntityManager,
    clientId: string,
    secretDigest: Buffer,
  ): Promise<SystemCredential | undefined> {
    const [rows] = await manager.query<[Row[], number]>(
      `UPDATE console.system_credential
       SET secret_sha256 = $2, secret_version = secret_version + 1, rotated_at = now()
       WHERE client_id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [clientId, secretDigest],
    );
    return rows[0] && credential(rows[0]);
  }

  async revoke(manager: EntityManager, clientId: string): Promise<SystemCredential | undefined> {
    const [rows] = await manager.query<[Row[], number]>(
      `UPDATE console.system_credential SET revoked_at = now()
       WHERE client_id = $1 AND revoked_at IS NULL RETURNING ${COLUMNS}`,
      [clientId],
    );
    return rows[0] && credential(rows[0]);
  }
}
