import {
  IsNotBlank,
  IsOptionalField,
  type CitizenDecision as ApiCitizenDecision,
  type DecisionReceipt,
  type LinkDecisionBody,
} from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';

export const CitizenDecision = { accept: 'accept', reject: 'reject' } as const satisfies Record<
  string,
  ApiCitizenDecision
>;
export type CitizenDecision = (typeof CitizenDecision)[keyof typeof CitizenDecision];
const DECISIONS = Object.values(CitizenDecision);

/** The citizen's decision on the answer they were given. */
export class DecisionRequest {
  @ApiProperty({ enum: DECISIONS, description: 'accept settles the case; reject escalates it.' })
  @IsIn(DECISIONS, { message: `decision must be one of: ${DECISIONS.join(', ')}` })
  decision!: CitizenDecision;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: "The citizen's words on the answer; stays in the console.",
  })
  @IsOptionalField()
  @IsString()
  @Length(1, 2000)
  @IsNotBlank()
  reason?: string;
}

/** As the portal that submitted the appeal passes it on. */
export class PortalDecisionRequest extends DecisionRequest {
  @ApiPropertyOptional({
    maxLength: 128,
    description: 'The answer decided on (responded.responseId): refused if a newer answer has replaced it.',
  })
  @IsOptionalField()
  @IsString()
  @Length(1, 128)
  responseId?: string;
}

/** With the secret of the citizen's answer message (no account, no token). */
export class LinkDecisionRequest extends DecisionRequest implements LinkDecisionBody {
  @ApiProperty({ description: 'The secret from the link in the answer message.' })
  @IsString()
  @Length(1, 128)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'secret must be the characters of the link' })
  secret!: string;
}

/** What the citizen's decision led to. */
export class DecisionReceiptResponse implements DecisionReceipt {
  @ApiProperty({ description: 'The id of the event the decision published (resolved or reopened).' })
  eventId!: string;

  @ApiProperty({ enum: DECISIONS })
  decision!: CitizenDecision;

  @ApiProperty({ example: 'resolved', description: "The case's status now." })
  status!: string;
}
