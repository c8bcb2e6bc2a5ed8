import { IsOptionalField, IsTimestamp } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';

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

  @ApiPropertyOptional({ description: 'The `nextBefore` of the previous page.' })
  @IsOptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  before?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AuditEntryView {
  @ApiProperty() id!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['staff', 'system', 'citizen', 'anonymous'] }) actorKind!: string;
  @ApiProperty() actorId!: string;
  @ApiPropertyOptional({ nullable: true }) actorRole!: string | null;
  @ApiProperty() action!: string;
  @ApiPropertyOptional({ nullable: true, format: 'uuid' }) appealId!: string | null;
  @ApiProperty({
    type: [String],
    description: 'Names of the personal-data fields read (never their values).',
  })
  fields!: string[];
  @ApiProperty({ enum: ['ok', 'refused'] }) outcome!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) detail!: Record<string, unknown>;
}

export class AuditPage {
  @ApiProperty({ type: [AuditEntryView] }) items!: AuditEntryView[];
  @ApiPropertyOptional({
    nullable: true,
    description: 'Pass as `before` for the next (older) page; null on the last.',
  })
  nextBefore!: number | null;
}
