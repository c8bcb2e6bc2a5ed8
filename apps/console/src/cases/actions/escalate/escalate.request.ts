import { DecisionReasonField } from '@app/contracts';

export class EscalateRequest {
  @DecisionReasonField('Why the case should go up now.')
  reason!: string;
}
