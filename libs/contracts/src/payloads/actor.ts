import { ApiProperty } from '@nestjs/swagger';
import { IsEnum, IsString, Length, Matches } from 'class-validator';

export const ActorKind = { staff: 'staff', citizen: 'citizen', system: 'system' } as const;
export type ActorKind = (typeof ActorKind)[keyof typeof ActorKind];

/**
 * Who took a step: a member of staff (their console account id), the citizen, or a service of this
 * system (its name). An id, never a name: events are kept for years and a name is personal data.
 */
export class ActorData {
  @ApiProperty({ enum: Object.values(ActorKind), enumName: 'ActorKind' })
  @IsEnum(ActorKind, { message: `kind must be one of: ${Object.values(ActorKind).join(', ')}` })
  kind!: ActorKind;

  @ApiProperty({
    minLength: 1,
    maxLength: 128,
    pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
    example: 'staff-7f3a',
  })
  @IsString()
  @Length(1, 128)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, {
    message: 'id must be an account or service id: letters, digits and . _ : - (never an e-mail address)',
    context: { code: 'actorId' },
  })
  id!: string;
}
