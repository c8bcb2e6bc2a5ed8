import type { Language } from '@app/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { STAFF_ROLES, type StaffRole } from '../../access/principal';
import { STAFF_LANGUAGES } from '../../access/staff-language';

/** The caller's own account as the console sees it now. */
export class OwnAccountView {
  @ApiProperty() userId!: string;
  @ApiPropertyOptional({
    nullable: true,
    description: "null for a user of the OIDC provider, whose account is the provider's",
  })
  username!: string | null;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiPropertyOptional({ nullable: true }) organizationId!: string | null;
  @ApiPropertyOptional({ nullable: true }) regionKato!: string | null;
  @ApiProperty({ enum: STAFF_LANGUAGES, description: 'The language of in-app messages.' })
  language!: Language;
}
