import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { IsOptionalField, IsTimestamp } from '../decorators';
import { AppealEventData } from './appeal-event-data';
import { EscalationReason } from './enums';
import { OrganizationIdField } from './appeal-fields';

/** `kz.appeals.escalated.v1`: the appeal went up the chain (usually to the central reception). */
export class AppealEscalatedData extends AppealEventData {
  @OrganizationIdField()
  fromOrganizationId!: string;

  @OrganizationIdField()
  toOrganizationId!: string;

  @ApiProperty({ enum: Object.values(EscalationReason), enumName: 'EscalationReason' })
  @IsEnum(EscalationReason, {
    message: `reason must be one of: ${Object.values(EscalationReason).join(', ')}`,
  })
  reason!: EscalationReason;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The missed deadline, when reason is deadline-missed.',
  })
  @IsOptionalField()
  @IsTimestamp()
  dueAt?: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  escalatedAt!: string;
}
