import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, IsString, Length, ValidateNested } from 'class-validator';
import { IsNotBlank, IsOptionalField, IsTimestamp } from '../decorators';
import { AppealEventData } from './appeal-event-data';
import { CitizenContactData } from './citizen';
import { AttachmentData, MAX_ATTACHMENTS } from './submitted-appeal';
import { AppealKind, AppealLanguage } from './enums';
import {
  ReceivedAtField,
  AppealKindField,
  AppealLanguageField,
  CategoryField,
  ExternalIdField,
  RegionKatoField,
} from './appeal-fields';

/**
 * `kz.appeals.registered.v1`: intake accepted the appeal. Everything downstream starts here.
 *
 * Personal data is minimised: the IIN stays with intake (no consumer needs it, and every copy of it on
 * a topic is one more place to protect and audit). What remains is what consumers act on: kind, category
 * and regionKato for routing, language and the citizen's name and contact for notification,
 * source/sourceEventId/externalId so that the publisher can correlate, and the subject, text and attachment
 * references for the console, whose read model (case page, full-text search) must be rebuildable from this
 * topic alone; there every read of them is audited. Optional because events written before carry none.
 */
export class AppealRegisteredData extends AppealEventData {
  @ApiProperty({ description: "The submitted event's `source` (for HTTP: the calling system)." })
  @IsString()
  @Length(1, 512)
  source!: string;

  @ApiProperty({ description: "The submitted event's `id` (for HTTP: the Idempotency-Key)." })
  @IsString()
  @Length(1, 512)
  sourceEventId!: string;

  @ExternalIdField()
  externalId!: string;

  @AppealKindField()
  kind!: AppealKind;

  @CategoryField()
  category!: string;

  @RegionKatoField()
  regionKato!: string;

  @AppealLanguageField()
  language!: AppealLanguage;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptionalField()
  @IsString()
  @Length(1, 64)
  channel?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptionalField()
  @IsTimestamp()
  submittedAt?: string;

  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  registeredAt!: string;

  @ReceivedAtField()
  receivedAt?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 300, example: 'Жолды жөндеу' })
  @IsOptionalField()
  @IsString()
  @Length(1, 300)
  @IsNotBlank()
  subject?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 20000, example: 'Әкімдікке өтініш: жолды жөндеу қажет' })
  @IsOptionalField()
  @IsString()
  @Length(1, 20000)
  @IsNotBlank()
  text?: string;

  @ApiPropertyOptional({ type: () => [AttachmentData], maxItems: MAX_ATTACHMENTS })
  @IsOptionalField()
  @IsArray()
  @ArrayMaxSize(MAX_ATTACHMENTS)
  @ValidateNested({ each: true })
  @Type(() => AttachmentData)
  attachments?: AttachmentData[];

  @ApiProperty({ type: () => CitizenContactData })
  @IsObject()
  @ValidateNested()
  @Type(() => CitizenContactData)
  citizen!: CitizenContactData;
}
