import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsString, Length } from 'class-validator';
import { IsOptionalField, IsTimestamp } from '../decorators';
import { IsKatoCode } from '../kazakhstan/regions';
import { AppealEventData } from './appeal-event-data';
import { AppealKind, AppealLanguage } from './enums';
import { AppealKindField, AppealLanguageField, OrganizationIdField, ReceivedAtField } from './appeal-fields';

/**
 * `kz.appeals.routed.v1`: routing chose the organisation that must answer. kind and language are
 * repeated so that escalation (deadline by kind) and notification (language) need no other event.
 */
export class AppealRoutedData extends AppealEventData {
  @OrganizationIdField()
  organizationId!: string;

  @ApiProperty({ minLength: 1, maxLength: 300, example: 'Алматы қаласының әкімдігі' })
  @IsString()
  @Length(1, 300)
  organizationName!: string;

  @ApiPropertyOptional({
    pattern: '^\\d{9}$',
    description: "The organisation's region, absent for central bodies.",
  })
  @IsOptionalField()
  @IsKatoCode()
  regionKato?: string;

  @ApiPropertyOptional({ maxLength: 128, description: 'The routing rule that matched, for explanation.' })
  @IsOptionalField()
  @IsString()
  @Length(1, 128)
  ruleId?: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  routedAt!: string;

  @ReceivedAtField()
  receivedAt?: string;

  @ApiProperty({ description: 'True when no rule matched and the fallback organisation was chosen.' })
  @IsBoolean()
  isFallback!: boolean;

  @AppealKindField()
  kind!: AppealKind;

  @AppealLanguageField()
  language!: AppealLanguage;
}
