import { DecisionReasonField, IsTimestamp } from '@app/contracts';
import { ApiProperty } from '@nestjs/swagger';

/** A reasoned decision to extend the deadline of the level. */
export class ExtendRequest {
  @ApiProperty({
    format: 'date-time',
    description:
      "The new deadline: later than the current one, at most two months after the level's original one.",
  })
  @IsTimestamp()
  dueAt!: string;

  @DecisionReasonField('The reasoning of the decision to extend.')
  reason!: string;
}
