import { PageHeading } from '../../components/PageHeading';

export function AdminAuditScreen() {
  return <PageHeading title="AdminAuditScreen" />;
}
