import { DecisionReasonField, OptionalOrganizationIdField } from '@app/contracts';

/** "Not our competence": why, and the body the operator believes is competent. */
export class TransferRequest {
  @DecisionReasonField("Why the matter is not the declining body's own.")
  reason!: string;

  @OptionalOrganizationIdField('The body the operator believes is competent; routing checks it first.')
  suggestedOrganizationId?: string;
}
