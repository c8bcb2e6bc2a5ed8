/** The console's administration API: `/api/v1/admin/users` and `/api/v1/admin/audit`. Pure types. */

/** The roles of the console's staff. */
export type StaffRole = 'operator' | 'supervisor' | 'central-reception' | 'admin';

/** The languages the console speaks (and members of staff read their in-app messages in). */
export type StaffLanguage = 'kk' | 'ru' | 'en';

/** An account, never its password hash. */
export interface StaffUserView {
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
  items: StaffUserView[];
  total: number;
}

/** The body of `POST /api/v1/admin/users`. */
export interface CreateStaffUserBody {
  username: string;
  /** At least CONSOLE_PASSWORD_MIN_LENGTH characters (12 by default). */
  password: string;
  role: StaffRole;
  /** Required for an operator: the organisation whose cases the operator works. */
  organizationId?: string;
  /** Required for a supervisor: the region's КАТО code. */
  regionKato?: string;
  /** The language of in-app messages; ru when left out. */
  language?: StaffLanguage;
}

/** The body of `PATCH /api/v1/admin/users/:id`: only what changes. */
export interface UpdateStaffUserBody {
  role?: StaffRole;
  organizationId?: string;
  regionKato?: string;
  /** true ends every session of the account at once; false lets it log in again. */
  disabled?: boolean;
  language?: StaffLanguage;
}

export type AuditActorKind = 'staff' | 'system' | 'citizen' | 'anonymous';

export type AuditOutcome = 'ok' | 'refused';

/** One entry of the audit log. */
export interface AuditEntryView {
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
  outcome: AuditOutcome;
  detail: Record<string, unknown>;
}

/** `GET /api/v1/admin/audit?actor&appeal&action&from&to&before&limit`: newest first, keyset paged. */
export interface AuditPage {
  items: AuditEntryView[];
  /** Pass as `before` for the next (older) page; null on the last. */
  nextBefore: number | null;
}
