import { PageHeading } from '../../components/PageHeading';

export function QueueScreen() {
  return <PageHeading title="QueueScreen" />;
}
