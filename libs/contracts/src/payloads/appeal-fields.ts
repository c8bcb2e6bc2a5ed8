import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsObject, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { IsNotBlank, IsOptionalField, IsTimestamp } from '../decorators';
import { IsKatoCode } from '../kazakhstan/regions';
import { ActorData } from './actor';
import { AppealKind, AppealLanguage, LEVEL_CODE } from './enums';

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
    Matches(CATEGORY_CODE, {
      message: 'category must be a lower-case dotted code like roads.repair',
      context: { code: 'categoryCode' },
    }),
  );
}

export function OrganizationIdField(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minLength: 1, maxLength: 128, example: 'akimat-almaty' }),
    IsString(),
    Length(1, 128),
  );
}

/** An organisation id that may be absent. */
export function OptionalOrganizationIdField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ minLength: 1, maxLength: 128, example: 'akimat-almaty', description }),
    IsOptionalField(),
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

/**
 * A field added to a published v1 payload is optional on the wire: events written before it still
 * validate when a read model is rebuilt from the log. New events always carry it.
 */
export interface AddedField {
  optional?: boolean;
}

/** The OpenAPI schema of a field, and optional-ness when it was added to a published payload. */
export function presence(schema: ApiPropertyOptions, added: AddedField): PropertyDecorator[] {
  if (!added.optional) return [ApiProperty(schema)];
  const description = `${schema.description ?? ''} Absent in events written before it was added.`.trim();
  return [ApiPropertyOptional({ ...schema, description }), IsOptionalField()];
}

/** Who took the step (staff, citizen or a service), as a nested object. */
export function ActorField(description: string, added: AddedField = {}): PropertyDecorator {
  return applyDecorators(
    ...presence({ type: () => ActorData, description }, added),
    IsObject(),
    ValidateNested(),
    Type(() => ActorData),
  );
}

/** A level of the escalation chain, e.g. `regional-akimat`, `akim-office`, `central-reception`. */
export function EscalationLevelField(description: string, added: AddedField = {}): PropertyDecorator {
  return applyDecorators(
    ...presence(
      { pattern: LEVEL_CODE.source, maxLength: 64, example: 'regional-akimat', description },
      added,
    ),
    IsString(),
    Matches(LEVEL_CODE, {
      message: '$property must be a lower-case level code like regional-akimat',
      context: { code: 'levelCode' },
    }),
  );
}

/** The reasoning a decision must give (an extension, a transfer, a manual escalation). */
export function DecisionReasonField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minLength: 1, maxLength: 2000, description }),
    IsString(),
    Length(1, 2000),
    IsNotBlank(),
  );
}

/** When the appeal was received (registered and routed carry it): the legal deadline counts from it. */
export function ReceivedAtField(): PropertyDecorator {
  return applyDecorators(
    ...presence(
      {
        format: 'date-time',
        description:
          "When the appeal was received: the portal's submittedAt, else the moment intake received it. The legal deadline counts from it.",
      },
      { optional: true },
    ),
    IsTimestamp(),
  );
}
