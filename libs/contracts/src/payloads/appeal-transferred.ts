import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { IsKatoCode } from '../kazakhstan/regions';
import { IsNotBlank, IsOptionalField, IsTimestamp } from '../decorators';
import type { ActorData } from './actor';
import { AppealEventData } from './appeal-event-data';
import { ActorField, DecisionReasonField, OrganizationIdField } from './appeal-fields';

/** How routing chose where a declined appeal goes. */
export const TransferDecision = {
  /** The body the declining operator suggested, being competent and not having declined it. */
  suggested: 'suggested',
  /** A routing rule matched, excluding every body that declined the appeal. */
  rule: 'rule',
  /** No rule matched a body that had not declined it: the region's fallback. */
  fallback: 'fallback',
  /** The appeal has been transferred the configured number of times: the central reception triages it. */
  transferLimit: 'transfer-limit',
  /** Every candidate declined it: the central reception triages it. */
  noCandidate: 'no-candidate',
} as const;
export type TransferDecision = (typeof TransferDecision)[keyof typeof TransferDecision];

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

  @ApiPropertyOptional({
    enum: Object.values(TransferDecision),
    enumName: 'TransferDecision',
    description:
      'How routing chose the receiving body. Absent when the forwarding body named it itself (events before routing carried transfers).',
  })
  @IsOptionalField()
  @IsEnum(TransferDecision, {
    message: `decision must be one of: ${Object.values(TransferDecision).join(', ')}`,
  })
  decision?: TransferDecision;

  @ApiPropertyOptional({
    maxLength: 128,
    description: 'The routing rule that matched, when decision is `rule`.',
  })
  @IsOptionalField()
  @IsString()
  @Length(1, 128)
  ruleId?: string;

  @ApiPropertyOptional({
    pattern: '^\\d{9}$',
    description: "The receiving body's region, absent for central bodies.",
  })
  @IsOptionalField()
  @IsKatoCode()
  toRegionKato?: string;

  @ApiPropertyOptional({
    minimum: 1,
    description: 'How many times the appeal has been transferred, this one included.',
  })
  @IsOptionalField()
  @IsInt()
  @Min(1)
  @Max(1000)
  transferCount?: number;
}
