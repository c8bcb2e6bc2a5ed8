import type { StaffRole } from '@app/contracts/console-api/admin';
import { Navigate, Outlet } from 'react-router';
import { useMe } from '../api/session';
import { homeOf } from './navigation';

export function RequireRole({ roles }: { roles: readonly StaffRole[] }) {
  const me = useMe();
  return roles.includes(me.role) ? <Outlet /> : <Navigate to={homeOf(me.role)} replace />;
}
