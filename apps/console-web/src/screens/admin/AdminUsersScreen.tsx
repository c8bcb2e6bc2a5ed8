import { PageHeading } from '../../components/PageHeading';

export function AdminUsersScreen() {
  return <PageHeading title="AdminUsersScreen" />;
}
