import type { StaffRole } from '../session';

export type StaffLanguage = 'kk' | 'ru' | 'en';

/** `StaffUserView` (apps/console/src/identity/users/staff-user.dto.ts): an account, never its password hash. */
export interface StaffUser {
  id: string;
  username: string;
  role: StaffRole;
  organizationId: string | null;
  regionKato: string | null;
  language: StaffLanguage;
  disabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/v1/admin/users?role&limit≤200&offset`: accounts by username. */
export interface StaffUserPage {
  items: StaffUser[];
  total: number;
}

/** `POST /api/v1/admin/users`. */
export interface CreateStaffUserBody {
  username: string;
  password: string;
  role: StaffRole;
  organizationId?: string;
  regionKato?: string;
  language?: StaffLanguage;
}

/** `PATCH /api/v1/admin/users/:id`: only what changes. */
export interface UpdateStaffUserBody {
  role?: StaffRole;
  organizationId?: string;
  regionKato?: string;
  disabled?: boolean;
  language?: StaffLanguage;
}

export type AuditActorKind = 'staff' | 'system' | 'citizen' | 'anonymous';

/** `AuditEntryView` (apps/console/src/identity/audit-query/audit-query.dto.ts). */
export interface AuditEntry {
  id: number;
  at: string;
  actorKind: AuditActorKind;
  /** A user id (staff), a client id (system), or an address (anonymous attempts). */
  actorId: string;
  actorRole: string | null;
  action: string;
  appealId: string | null;
  /** Names of the personal-data fields read, never their values. */
  fields: string[];
  outcome: 'ok' | 'refused';
  detail: Record<string, unknown>;
}

/** `GET /api/v1/admin/audit?actor&appeal&action&from&to&before&limit`: newest first, keyset paged. */
export interface AuditPage {
  items: AuditEntry[];
  nextBefore: number | null;
}
