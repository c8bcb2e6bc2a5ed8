export interface NavigationItem {
  path: string;
  /** Key in the common namespace. */
  label: string;
  roles: readonly StaffRole[];
}

const CASEWORK: readonly StaffRole[] = ['operator', 'supervisor', 'central-reception'];

export const NAVIGATION: readonly NavigationItem[] = [
  { path: '/queue', label: 'nav.queue', roles: CASEWORK },
  { path: '/board', label: 'nav.board', roles: ['supervisor', 'central-reception'] },
  { path: '/dashboard', label: 'nav.dashboard', roles: CASEWORK },
  { path: '/admin/users', label: 'nav.users', roles: ['admin'] },
  { path: '/admin/audit', label: 'nav.audit', roles: ['admin'] },
];

export function navigationFor(role: StaffRole): NavigationItem[] {
  return NAVIGATION.filter((item) => item.roles.includes(role));
}

/** Where a member of staff lands after signing in. */
export function homeOf(role: StaffRole): string {
  return navigationFor(role)[0]?.path ?? '/login';
}
import type { StaffRole } from '@app/contracts/console-api/admin';
