import type { StaffRole as ApiStaffRole } from '@app/contracts';
import type { Language } from '@app/service-kit';

/**
 * Who is calling the console: a member of staff with one role and the scope it gives, or an external system
 * (a portal, a call centre) acting for the citizens whose appeals it submitted.
 */
export const StaffRole = {
  /** Works the cases of one organisation. */
  operator: 'operator',
  /** Oversees one region: its akimat and departments. */
  supervisor: 'supervisor',
  /** Works every escalated case; reads every case. */
  centralReception: 'central-reception',
  /** Manages users, organisations' staff and external systems; reads the audit log. Reads no case. */
  admin: 'admin',
} as const satisfies Record<string, ApiStaffRole>;
export type StaffRole = (typeof StaffRole)[keyof typeof StaffRole];

export const STAFF_ROLES: readonly StaffRole[] = Object.freeze(Object.values(StaffRole));

export interface StaffPrincipal {
  kind: 'staff';
  /** The account id: the actor id in events and the audit log (never a name: names are personal data). */
  userId: string;
  role: StaffRole;
  /** The operator's organisation. */
  organizationId?: string;
  /** The supervisor's region (its КАТО code). */
  regionKato?: string;
  /** The language the member of staff reads in-app messages in; absent where no one said (the default then). */
  language?: Language;
}

export interface SystemPrincipal {
  kind: 'system';
  /** The credential's client id. */
  clientId: string;
  /** The CloudEvent `source` the system publishes as: it may act only on appeals it submitted. */
  source: string;
}

export type Principal = StaffPrincipal | SystemPrincipal;
