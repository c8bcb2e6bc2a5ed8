import { PageHeading } from '../../components/PageHeading';

export function DashboardScreen() {
  return <PageHeading title="DashboardScreen" />;
}
