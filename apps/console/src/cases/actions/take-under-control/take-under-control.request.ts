import { DecisionReasonField } from '@app/contracts';

export class TakeUnderControlRequest {
  @DecisionReasonField('What the central reception will follow up on.')
  note!: string;
}
