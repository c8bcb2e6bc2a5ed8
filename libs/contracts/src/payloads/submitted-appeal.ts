import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsObject,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsNotBlank, IsOptionalField, IsTimestamp } from '../decorators';
import { CitizenData } from './citizen';
import { AppealKind, AppealLanguage } from './enums';
import {
  presence,
  type AddedField,
  AppealKindField,
  AppealLanguageField,
  CategoryField,
  ExternalIdField,
  RegionKatoField,
} from './appeal-fields';

export const MAX_ATTACHMENTS = 20;
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/** An attachment is a reference to a file the publisher stores, never the bytes themselves. */
export class AttachmentData {
  @ApiProperty({ minLength: 1, maxLength: 255, example: 'жол-суреті.jpg' })
  @IsString()
  @Length(1, 255)
  @IsNotBlank()
  name!: string;

  @ApiProperty({ example: 'image/jpeg' })
  @Matches(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, {
    message: 'mediaType must be a media type like image/jpeg',
    context: { code: 'mediaType' },
  })
  @MaxLength(255)
  mediaType!: string;

  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_ATTACHMENT_BYTES })
  @IsInt()
  @Min(0)
  @Max(MAX_ATTACHMENT_BYTES, { message: `sizeBytes must not exceed ${MAX_ATTACHMENT_BYTES} (50 MB)` })
  sizeBytes!: number;

  /** https only: the file will be fetched by staff browsers and services, never over plain http. */
  @ApiProperty({ format: 'uri', example: 'https://files.example.kz/a/123' })
  @IsUrl(
    { protocols: ['https'], require_protocol: true, require_tld: false },
    { message: 'url must be an https URL', context: { code: 'httpsUrl' } },
  )
  @MaxLength(2048)
  url!: string;

  @ApiProperty({ pattern: SHA256_HEX.source, description: 'SHA-256 of the file, 64 hex digits.' })
  @Matches(SHA256_HEX, { message: 'sha256 must be 64 hex digits', context: { code: 'sha256Hex' } })
  sha256!: string;
}

/** The appeal's subject, as the citizen wrote it (the submission; optional on `registered`, added later). */
export function SubjectField(added: AddedField = {}): PropertyDecorator {
  return applyDecorators(
    ...presence({ minLength: 1, maxLength: 300, example: 'Жолды жөндеу' }, added),
    IsString(),
    Length(1, 300),
    IsNotBlank(),
  );
}

/** The appeal's text, as the citizen wrote it. */
export function AppealTextField(added: AddedField = {}): PropertyDecorator {
  return applyDecorators(
    ...presence({ minLength: 1, maxLength: 20000, example: 'Әкімдікке өтініш: жолды жөндеу қажет' }, added),
    IsString(),
    Length(1, 20000),
    IsNotBlank(),
  );
}

/** References to the appeal's files, at most {@link MAX_ATTACHMENTS}; always optional. */
export function AttachmentsField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: () => [AttachmentData], maxItems: MAX_ATTACHMENTS }),
    IsOptionalField(),
    IsArray(),
    ArrayMaxSize(MAX_ATTACHMENTS),
    ValidateNested({ each: true }),
    Type(() => AttachmentData),
  );
}

/**
 * The `data` of `kz.appeals.submitted.v1` on the intake topic and the body of POST /api/v1/appeals:
 * one class, so that both entrances accept and reject exactly the same appeals.
 */
export class SubmittedAppealData {
  @ExternalIdField()
  externalId!: string;

  @AppealKindField()
  kind!: AppealKind;

  @CategoryField()
  category!: string;

  @RegionKatoField()
  regionKato!: string;

  @SubjectField()
  subject!: string;

  @AppealTextField()
  text!: string;

  @AppealLanguageField()
  language!: AppealLanguage;

  @ApiProperty({ type: () => CitizenData })
  @IsObject()
  @ValidateNested()
  @Type(() => CitizenData)
  citizen!: CitizenData;

  @ApiPropertyOptional({ maxLength: 64, example: 'portal', description: 'portal, call-centre, egov, ...' })
  @IsOptionalField()
  @IsString()
  @Length(1, 64)
  channel?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the citizen submitted it to the publisher.',
  })
  @IsOptionalField()
  @IsTimestamp()
  submittedAt?: string;

  @AttachmentsField()
  attachments?: AttachmentData[];
}
