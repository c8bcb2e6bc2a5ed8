import { PageHeading } from '../../components/PageHeading';

export function CaseScreen() {
  return <PageHeading title="CaseScreen" />;
}
