import {
  IsOptionalField,
  IsTimestamp,
  type AuditActorKind,
  type AuditEntryView as ApiAuditEntryView,
  type AuditOutcome,
  type AuditPage as ApiAuditPage,
} from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length } from 'class-validator';
import { PageLimitParameter, WholeNumberParameter } from '../query-fields';

export class AuditQuery {
  @ApiPropertyOptional({
    description: 'An actor id: a user id, a client id, or an address for anonymous attempts.',
  })
  @IsOptionalField()
  @IsString()
  @Length(1, 200)
  actor?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalField()
  @IsUUID('all', { message: 'appeal must be an appeal id (a UUID)' })
  appeal?: string;

  @ApiPropertyOptional({ example: 'login.failed' })
  @IsOptionalField()
  @IsString()
  @Length(1, 100)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries at or after this moment.' })
  @IsOptionalField()
  @IsTimestamp()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Entries before this moment.' })
  @IsOptionalField()
  @IsTimestamp()
  to?: string;

  @WholeNumberParameter(1, Number.MAX_SAFE_INTEGER, 'The `nextBefore` of the previous page.')
  before?: number;

  @PageLimitParameter()
  limit?: number;
}

export class AuditEntryView implements ApiAuditEntryView {
  @ApiProperty() id!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['staff', 'system', 'citizen', 'anonymous'] }) actorKind!: AuditActorKind;
  @ApiProperty() actorId!: string;
  @ApiPropertyOptional({ nullable: true }) actorRole!: string | null;
  @ApiProperty() action!: string;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) appealId!: string | null;
  @ApiProperty({
    type: [String],
    description: 'Names of the personal-data fields read (never their values).',
  })
  fields!: string[];
  @ApiProperty({ enum: ['ok', 'refused'] }) outcome!: AuditOutcome;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
}

export class AuditPage implements ApiAuditPage {
  @ApiProperty({ type: [AuditEntryView] }) items!: AuditEntryView[];
  @ApiPropertyOptional({
    nullable: true,
    description: 'Pass as `before` for the next (older) page; null on the last.',
  })
  nextBefore!: number | null;
}
