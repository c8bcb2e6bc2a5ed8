import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Language } from '@app/service-kit';
import type { StaffRole } from '../../access/principal';
import type { StaffAssignment } from './staff-account-rules';

export interface StaffUser extends StaffAssignment {
  id: string;
  username: string;
  language: Language;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface StaffUserWithPassword extends StaffUser {
  passwordHash: string;
}

interface Row {
  id: string;
  username: string;
  password_hash: string;
  role: StaffRole;
  organization_id: string | null;
  region_kato: string | null;
  language: Language;
  disabled: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'id, username, role, organization_id, region_kato, language, disabled, created_at, updated_at';

function user(row: Row): StaffUser {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    organizationId: row.organization_id,
    regionKato: row.region_kato,
    language: row.language,
    disabled: row.disabled,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Every query on console.staff_user. Usernames arrive here already in lower case. */
@Injectable()
export class StaffUserRepository {
  async withPassword(manager: EntityManager, username: string): Promise<StaffUserWithPassword | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS}, password_hash FROM console.staff_user WHERE username = $1`,
      [username],
    );
    return rows[0] && { ...user(rows[0]), passwordHash: rows[0].password_hash };
  }

  async byId(manager: EntityManager, id: string, lock = false): Promise<StaffUser | undefined> {
    const rows: Row[] = await manager.query(
      `SELECT ${COLUMNS} FROM console.staff_user WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows[0] && user(rows[0]);
  }

  /** False when the username is taken. */
  async insert(
    manager: EntityManager,
    account: StaffAssignment & { id: string; username: string; passwordHash: string; language: Language },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO console.staff_user (id, username, password_hash, role, organization_id, region_kato, language)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [
        account.id,
        account.username,
        account.passwordHash,
        account.role,
        account.organizationId,
        account.regionKato,
        account.language,
      ],
    );
    return rows.length > 0;
  }

  async list(
    manager: EntityManager,
    filter: { role?: StaffRole; limit: number; offset: number },
  ): Promise<{ items: StaffUser[]; total: number }> {
    const rows: Array<Row & { total: number }> = await manager.query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM console.staff_user
       WHERE $1::text IS NULL OR role = $1 ORDER BY username LIMIT $2 OFFSET $3`,
      [filter.role ?? null, filter.limit, filter.offset],
    );
    return { items: rows.map(user), total: rows[0]?.total ?? 0 };
  }

  async update(
    manager: EntityManager,
    id: string,
    changes: Partial<StaffAssignment & { disabled: boolean; passwordHash: string; language: Language }>,
  ): Promise<StaffUser | undefined> {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows] = await manager.query<[Row[], number]>(
      `UPDATE console.staff_user SET
         role = COALESCE($2, role),
         organization_id = CASE WHEN $2::text IS NULL THEN organization_id ELSE $3 END,
         region_kato = CASE WHEN $2::text IS NULL THEN region_kato ELSE $4 END,
         disabled = COALESCE($5, disabled),
         password_hash = COALESCE($6, password_hash),
         language = COALESCE($7, language),
         updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        changes.role ?? null,
        changes.organizationId ?? null,
        changes.regionKato ?? null,
        changes.disabled ?? null,
        changes.passwordHash ?? null,
        changes.language ?? null,
      ],
    );
    return rows[0] && user(rows[0]);
  }
}
