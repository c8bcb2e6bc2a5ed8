import { ApiProperty } from '@nestjs/swagger';
import { IsTimestamp } from '../decorators';
import type { ActorData } from './actor';
import { AppealEventData } from './appeal-event-data';
import { ActorField, DecisionReasonField, OrganizationIdField } from './appeal-fields';

/**
 * `kz.appeals.taken-under-control.v1`: the central reception puts an escalated case under its control: a
 * named member of staff follows it until it is answered. The deadline does not change.
 */
export class TakenUnderControlData extends AppealEventData {
  @OrganizationIdField()
  organizationId!: string;

  @DecisionReasonField('What the central reception will follow up on.')
  note!: string;

  @ActorField('The member of the central reception who follows the case.')
  takenBy!: ActorData;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  takenAt!: string;
}
