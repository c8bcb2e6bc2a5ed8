import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsNotBlank, IsOptionalField, IsTimestamp } from '../decorators';
import type { ActorData } from './actor';
import { AppealEventData } from './appeal-event-data';
import { ActorField, DecisionReasonField, OrganizationIdField } from './appeal-fields';

/**
 * `kz.appeals.transferred.v1`: a body that is not competent forwarded the appeal to the one that is.
 * A body forwards what is not its own within 3 working days of receipt (АППК art. 65); the competent body's
 * term runs from the day the appeal reaches it (АППК art. 76, «со дня поступления»).
 */
export class AppealTransferredData extends AppealEventData {
  @OrganizationIdField()
  fromOrganizationId!: string;

  @OrganizationIdField()
  toOrganizationId!: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 300, example: 'Алматы облысының әкімдігі' })
  @IsOptionalField()
  @IsString()
  @Length(1, 300)
  @IsNotBlank()
  toOrganizationName?: string;

  @DecisionReasonField("Why the matter is not the forwarding body's own.")
  reason!: string;

  @ActorField('The operator who forwarded it.')
  transferredBy!: ActorData;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  transferredAt!: string;
}
