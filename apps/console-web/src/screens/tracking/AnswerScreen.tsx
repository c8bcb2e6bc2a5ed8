import { PageHeading } from '../../components/PageHeading';

export function AnswerScreen() {
  return <PageHeading title="AnswerScreen" />;
}
