import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsNotBlank, IsOptionalField, IsTimestamp } from '../decorators';
import type { ActorData } from './actor';
import { AppealEventData } from './appeal-event-data';
import { ActorField, OrganizationIdField } from './appeal-fields';

/** `kz.appeals.accepted.v1`: an operator of the answering body took the appeal into work. */
export class AppealAcceptedData extends AppealEventData {
  @OrganizationIdField()
  organizationId!: string;

  @ActorField('The operator who took the appeal into work.')
  acceptedBy!: ActorData;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  acceptedAt!: string;
}

/**
 * `kz.appeals.responded.v1`: the body gave its answer. It stops the clock of the level that answered;
 * the citizen may still reject the answer (`reopened`). It carries the answer's text, so that notification
 * can send the citizen the answer itself and the read model can be rebuilt from the topic alone.
 */
export class AppealRespondedData extends AppealEventData {
  @OrganizationIdField()
  organizationId!: string;

  @ActorField('The operator who signed the answer.')
  respondedBy!: ActorData;

  @ApiPropertyOptional({ maxLength: 128, description: "The console's id of the answer document." })
  @IsOptionalField()
  @IsString()
  @Length(1, 128)
  @IsNotBlank()
  responseId?: string;

  @ApiPropertyOptional({
    maxLength: 20000,
    description: 'The text of the answer. Absent in events written before it was added.',
  })
  @IsOptionalField()
  @IsString()
  @Length(1, 20000)
  text?: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  respondedAt!: string;
}

/** `kz.appeals.resolved.v1`: the case is settled (the citizen accepted the answer, or staff closed it). */
export class AppealResolvedData extends AppealEventData {
  @OrganizationIdField()
  organizationId!: string;

  @ActorField('Who settled it: the citizen accepting the answer, or staff.')
  resolvedBy!: ActorData;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  resolvedAt!: string;
}

/**
 * `kz.appeals.reopened.v1`: the citizen rejected the answer. Escalation sends the case to the next level
 * at once (`escalated` with reason answer-rejected).
 */
export class AppealReopenedData extends AppealEventData {
  @ActorField('Usually the citizen; staff when they record a rejection received on paper.')
  reopenedBy!: ActorData;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  reopenedAt!: string;
}
