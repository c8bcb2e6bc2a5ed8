import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsString, Length } from 'class-validator';
import { IsTimestamp } from '../decorators';
import { AppealEventData } from './appeal-event-data';

export const RefusalCode = {
  /** An extension would end more than the legal maximum after the original deadline. */
  beyondLegalLimit: 'beyond-legal-limit',
  /** An extension to a moment that is not later than the deadline in force. */
  notLater: 'not-later',
  /** The case's clock is not running (answered, resolved, or overdue at the last level). */
  clockStopped: 'clock-stopped',
  /** A manual escalation of a case that is already at the last level. */
  atLastLevel: 'at-last-level',
  /** The action names a body that does not hold the case at its current level (or, for routing, at all). */
  notTheHolder: 'not-the-holder',
  /** A rejection (`reopened`) of a case that has no answer. */
  notAnswered: 'not-answered',
  /** A transfer from a body to itself: also the central reception declining a case no one else may take. */
  sameBody: 'same-body',
} as const;
export type RefusalCode = (typeof RefusalCode)[keyof typeof RefusalCode];

/**
 * `kz.appeals.action-refused.v1`: escalation or routing did not carry out an operator's action event
 * (`deadline-extended`, `escalation-requested` by escalation; `transfer-requested` by routing), and says why,
 * so the console can show the operator.
 */
export class ActionRefusedData extends AppealEventData {
  @ApiProperty({ example: 'kz.appeals.deadline-extended.v1', description: 'The type of the refused event.' })
  @IsString()
  @Length(1, 128)
  refusedType!: string;

  @ApiProperty({ description: 'The `id` of the refused event.' })
  @IsString()
  @Length(1, 512)
  refusedEventId!: string;

  @ApiProperty({ enum: Object.values(RefusalCode), enumName: 'RefusalCode' })
  @IsEnum(RefusalCode, { message: `code must be one of: ${Object.values(RefusalCode).join(', ')}` })
  code!: RefusalCode;

  @ApiProperty({
    maxLength: 500,
    example: 'the new deadline is after 2025-05-21T23:59:59.999+05:00, two months after the original one',
  })
  @IsString()
  @Length(1, 500)
  message!: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  refusedAt!: string;
}

/** The `action-refused` answer to an action event that was not carried out. */
export function actionRefusal(
  refused: { id: string; type: string; data: { appealId: string; trackingNumber: string } },
  code: RefusalCode,
  message: string,
  refusedAt: Date,
): ActionRefusedData {
  return {
    appealId: refused.data.appealId,
    trackingNumber: refused.data.trackingNumber,
    refusedType: refused.type,
    refusedEventId: refused.id,
    code,
    message,
    refusedAt: refusedAt.toISOString(),
  };
}
