import { ApiProperty } from '@nestjs/swagger';
import { IsTimestamp } from '../decorators';
import type { ActorData } from './actor';
import { AppealEventData } from './appeal-event-data';
import {
  ActorField,
  DecisionReasonField,
  OrganizationIdField,
  OptionalOrganizationIdField,
} from './appeal-fields';

/**
 * `kz.appeals.transfer-requested.v1`: the body holding the case says the matter is not its own. Routing
 * decides where it goes (never back to a body that declined it) and publishes `transferred`.
 */
export class TransferRequestedData extends AppealEventData {
  @OrganizationIdField()
  organizationId!: string;

  @DecisionReasonField("Why the matter is not the declining body's own.")
  reason!: string;

  @OptionalOrganizationIdField('The body the operator believes is competent; routing checks it first.')
  suggestedOrganizationId?: string;

  @ActorField('The operator who declined the case.')
  requestedBy!: ActorData;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  requestedAt!: string;
}
