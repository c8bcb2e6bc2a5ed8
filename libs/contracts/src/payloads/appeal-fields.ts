import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsString, Length, Matches, MaxLength } from 'class-validator';
import { IsNotBlank } from '../decorators';
import { IsKatoCode } from '../kazakhstan/regions';
import { AppealKind, AppealLanguage } from './enums';

/** Dotted lower-case codes (`housing.heating`); the catalogue itself is data that comes later. */
export const CATEGORY_CODE = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

/**
 * Fields that several payloads carry, declared once so that the same value is accepted or rejected
 * with the same message wherever it appears.
 */
export function AppealKindField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ enum: Object.values(AppealKind), enumName: 'AppealKind' }),
    IsEnum(AppealKind, { message: `kind must be one of: ${Object.values(AppealKind).join(', ')}` }),
  );
}

export function AppealLanguageField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ enum: Object.values(AppealLanguage), enumName: 'AppealLanguage' }),
    IsEnum(AppealLanguage, {
      message: `language must be one of: ${Object.values(AppealLanguage).join(', ')}`,
    }),
  );
}

export function CategoryField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ pattern: CATEGORY_CODE.source, maxLength: 64, example: 'roads.repair' }),
    IsString(),
    MaxLength(64),
    Matches(CATEGORY_CODE, { message: 'category must be a lower-case dotted code like roads.repair' }),
  );
}

export function OrganizationIdField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minLength: 1, maxLength: 128, example: 'akimat-almaty' }),
    IsString(),
    Length(1, 128),
  );
}

export function ExternalIdField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      minLength: 1,
      maxLength: 128,
      description: "The publisher's own id of the appeal.",
      example: 'EGOV-2025-77812',
    }),
    IsString(),
    Length(1, 128),
    IsNotBlank(),
  );
}

export function RegionKatoField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      pattern: '^\\d{9}$',
      example: '751110000',
      description: 'КАТО code of the place the matter concerns; the first two digits are a region.',
    }),
    IsKatoCode(),
  );
}
