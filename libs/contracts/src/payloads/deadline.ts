import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { IsCalendarDay, IsOptionalField, IsTimestamp } from '../decorators';
import type { ActorData } from './actor';
import { AppealEventData } from './appeal-event-data';
import { ActorField, DecisionReasonField, EscalationLevelField, OrganizationIdField } from './appeal-fields';

/** What started or moved the clock a `deadline-assigned` announces. */
export const DeadlineCause = {
  routed: 'routed',
  transferred: 'transferred',
  extended: 'extended',
  reopened: 'reopened',
} as const;
export type DeadlineCause = (typeof DeadlineCause)[keyof typeof DeadlineCause];

/**
 * `kz.appeals.deadline-assigned.v1`: escalation set (or moved) the legal deadline of the appeal at a level.
 * The newest one for an appeal is the one in force.
 */
export class DeadlineAssignedData extends AppealEventData {
  @OrganizationIdField()
  organizationId!: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  dueAt!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'When the first warning will fire if no answer is given.',
  })
  @IsTimestamp()
  warnAt!: string;

  /** Recorded so that a deadline can be explained (and audited) after the policies change. */
  @ApiProperty({
    minLength: 1,
    maxLength: 64,
    example: '15 working days',
    description:
      "The policy applied: working days ('15 working days') or an ISO-8601 duration for drills ('PT5S').",
  })
  @IsString()
  @Length(1, 64)
  policy!: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  assignedAt!: string;

  @EscalationLevelField('The level of the escalation chain whose deadline this is.', { optional: true })
  level?: string;

  @ApiPropertyOptional({ enum: Object.values(DeadlineCause), enumName: 'DeadlineCause' })
  @IsOptionalField()
  @IsEnum(DeadlineCause, { message: `cause must be one of: ${Object.values(DeadlineCause).join(', ')}` })
  cause?: DeadlineCause;

  @ApiPropertyOptional({
    format: 'date',
    example: '2025-03-03',
    description: 'The day the clock counts from (registration at this body), in Kazakhstan.',
  })
  @IsOptionalField()
  @IsCalendarDay()
  registeredOn?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'For an extension: the citizen must be told of it by this moment (АППК art. 76: within 3 working days).',
  })
  @IsOptionalField()
  @IsTimestamp()
  citizenToBeToldBy?: string;
}

/** `kz.appeals.deadline-warning.v1`: the deadline is near and the appeal is still unanswered. */
export class DeadlineWarningData extends AppealEventData {
  @OrganizationIdField()
  organizationId!: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  dueAt!: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  warnedAt!: string;

  @EscalationLevelField('The level whose deadline is near.', { optional: true })
  level?: string;

  @ApiPropertyOptional({
    example: '3 working days',
    description: "The warning point that fired: how long before the deadline ('3 working days', 'PT2S').",
  })
  @IsOptionalField()
  @IsString()
  @Length(1, 64)
  before?: string;

  @ApiPropertyOptional({
    minimum: 0,
    description:
      'Working days left including the day of the warning (1: the deadline is today), for working-day policies.',
  })
  @IsOptionalField()
  @IsInt()
  @Min(0)
  @Max(1000)
  workingDaysLeft?: number;
}

/**
 * `kz.appeals.deadline-extended.v1`: the answering body extended the deadline by a reasoned decision
 * (published by the console). Escalation moves the clock, or refuses beyond the legal limit
 * (`action-refused`); the citizen must be told within 3 working days.
 */
export class DeadlineExtendedData extends AppealEventData {
  @OrganizationIdField()
  organizationId!: string;

  @ApiProperty({ format: 'date-time', description: 'The new deadline.' })
  @IsTimestamp()
  dueAt!: string;

  @DecisionReasonField('The reasoning of the decision to extend.')
  reason!: string;

  @ActorField('Who decided (the head of the body or their deputy).')
  decidedBy!: ActorData;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  decidedAt!: string;
}
