import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { IsTimestamp } from '../decorators';
import { AppealEventData } from './appeal-event-data';
import { OrganizationIdField } from './appeal-fields';

/** `kz.appeals.deadline-assigned.v1`: escalation set the legal deadline of the appeal. */
export class DeadlineAssignedData extends AppealEventData {
  @OrganizationIdField()
  organizationId!: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  dueAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the warning will fire if no answer is given.' })
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
}
