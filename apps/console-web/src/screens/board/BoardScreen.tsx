import { PageHeading } from '../../components/PageHeading';

export function BoardScreen() {
  return <PageHeading title="BoardScreen" />;
}
