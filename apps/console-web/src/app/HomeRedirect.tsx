import { Navigate } from 'react-router';
import { useMe } from '../api/session';
import { homeOf } from './navigation';

export function HomeRedirect() {
  return <Navigate to={homeOf(useMe().role)} replace />;
}
