import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum } from 'class-validator';
import { IsOptionalField, IsTimestamp } from '../decorators';
import type { ActorData } from './actor';
import { AppealEventData } from './appeal-event-data';
import { ActorField, DecisionReasonField, EscalationLevelField, OrganizationIdField } from './appeal-fields';
import { EscalationReason } from './enums';

/** `kz.appeals.escalated.v1`: the appeal went up the escalation chain, and why. */
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
    description: 'The missed deadline, when reason is overdue.',
  })
  @IsOptionalField()
  @IsTimestamp()
  dueAt?: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  escalatedAt!: string;

  @EscalationLevelField('The level the case left.', { optional: true })
  fromLevel?: string;

  @EscalationLevelField('The level the case went to.', { optional: true })
  toLevel?: string;

  @ActorField('Who escalated: the escalation service, or the supervisor of a manual escalation.', {
    optional: true,
  })
  escalatedBy?: ActorData;

  @ApiPropertyOptional({ format: 'date-time', description: "The new level's own deadline." })
  @IsOptionalField()
  @IsTimestamp()
  newDueAt?: string;
}

/**
 * `kz.appeals.escalation-requested.v1`: a supervisor asks to send the case to the next level now
 * (published by the console). Escalation answers with `escalated` (reason manual) or `action-refused`.
 */
export class EscalationRequestedData extends AppealEventData {
  @DecisionReasonField('Why the case should go up now.')
  reason!: string;

  @ActorField('The supervisor who asked.')
  requestedBy!: ActorData;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  requestedAt!: string;
}
