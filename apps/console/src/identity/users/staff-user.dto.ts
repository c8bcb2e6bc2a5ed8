import {
  IsKatoCode,
  IsOptionalField,
  OptionalOrganizationIdField,
  type CreateStaffUserBody,
  type StaffUserPage as ApiStaffUserPage,
  type StaffUserView as ApiStaffUserView,
  type UpdateStaffUserBody,
} from '@app/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { PageLimitParameter, WholeNumberParameter } from '../query-fields';
import type { Language } from '@app/service-kit';
import { STAFF_ROLES, type StaffRole } from '../../access/principal';
import { DEFAULT_STAFF_LANGUAGE, STAFF_LANGUAGES } from '../../access/staff-language';
import { PASSWORD_MAX_LENGTH, USERNAME_PATTERN, USERNAME_RULE } from './staff-account-rules';
import type { StaffUser } from './staff-user.repository';

const ROLE_RULE = `role must be one of: ${STAFF_ROLES.join(', ')}`;
const LANGUAGE_RULE = `language must be one of: ${STAFF_LANGUAGES.join(', ')}`;

/** The language a member of staff reads in-app messages in: optional where an account is made or changed. */
function LanguageField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ enum: STAFF_LANGUAGES, description }),
    IsOptionalField(),
    IsIn(STAFF_LANGUAGES, { message: LANGUAGE_RULE }),
  );
}

/** The body of `PATCH /api/v1/me`: what members of staff set for themselves. */
export class OwnSettingsRequest {
  @ApiProperty({ enum: STAFF_LANGUAGES, description: 'The language of in-app messages.' })
  @IsIn(STAFF_LANGUAGES, { message: LANGUAGE_RULE })
  language!: Language;
}

export class NewPasswordRequest {
  @ApiProperty({
    format: 'password',
    description: 'At least CONSOLE_PASSWORD_MIN_LENGTH characters (12 by default).',
  })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class CreateStaffUserRequest extends NewPasswordRequest implements CreateStaffUserBody {
  @ApiProperty({ pattern: USERNAME_PATTERN.source, example: 'operator.almaty' })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_RULE })
  username!: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES, { message: ROLE_RULE })
  role!: StaffRole;

  @OptionalOrganizationIdField('Required for an operator: the organisation whose cases the operator works.')
  organizationId?: string;

  @ApiPropertyOptional({
    example: '750000000',
    description: "Required for a supervisor: the region's КАТО code.",
  })
  @IsOptionalField()
  @IsKatoCode()
  regionKato?: string;

  @LanguageField(`The language of in-app messages; ${DEFAULT_STAFF_LANGUAGE} when left out.`)
  language?: Language;
}

export class UpdateStaffUserRequest implements UpdateStaffUserBody {
  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptionalField()
  @IsIn(STAFF_ROLES, { message: ROLE_RULE })
  role?: StaffRole;

  @OptionalOrganizationIdField("The operator's organisation.")
  organizationId?: string;

  @ApiPropertyOptional({ example: '750000000', description: "The supervisor's region." })
  @IsOptionalField()
  @IsKatoCode()
  regionKato?: string;

  @ApiPropertyOptional({
    description: 'true ends every session of the account at once; false lets it log in again.',
  })
  @IsOptionalField()
  @IsBoolean()
  disabled?: boolean;

  @LanguageField('The language of in-app messages.')
  language?: Language;
}

export class StaffUserListQuery {
  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptionalField()
  @IsIn(STAFF_ROLES, { message: ROLE_RULE })
  role?: StaffRole;

  @PageLimitParameter()
  limit?: number;

  @WholeNumberParameter(0, 1_000_000, 'Accounts to skip.', 0)
  offset?: number;
}

export class StaffUserView implements ApiStaffUserView {
  @ApiProperty() id!: string;
  @ApiProperty() username!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiPropertyOptional({ nullable: true }) organizationId!: string | null;
  @ApiPropertyOptional({ nullable: true }) regionKato!: string | null;
  @ApiProperty({ enum: STAFF_LANGUAGES }) language!: Language;
  @ApiProperty() disabled!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(user: StaffUser): StaffUserView {
    return {
      id: user.id,
      username: user.username,
      role: user.role,
      organizationId: user.organizationId,
      regionKato: user.regionKato,
      language: user.language,
      disabled: user.disabled,
      createdAt: user.createdAt.toISOString(),
      updatedAt: user.updatedAt.toISOString(),
    };
  }
}

export class StaffUserPage implements ApiStaffUserPage {
  @ApiProperty({ type: [StaffUserView] }) items!: StaffUserView[];
  @ApiProperty() total!: number;
}
