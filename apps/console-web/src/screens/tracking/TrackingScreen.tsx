import { PageHeading } from '../../components/PageHeading';

export function TrackingScreen() {
  return <PageHeading title="TrackingScreen" />;
}
