import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDefined,
  IsEmail,
  IsEnum,
  IsString,
  Length,
  Matches,
  ValidateIf,
  type ValidationArguments,
} from 'class-validator';
import { IsNotBlank, IsOptionalField } from '../decorators';
import type { ConstraintContext } from '../field-error';
import { IsKazakhIin } from '../kazakhstan/iin';
import { CitizenChannel } from './enums';

/** E.164: a plus, a country code not starting with 0, 7 to 15 digits in all. */
export const E164_PHONE = /^\+[1-9]\d{6,14}$/;

/**
 * A contact is validated when it is given, and is required when it is the citizen's preferred
 * channel: an appeal whose citizen can never be told anything should be refused at the door, not
 * discovered by notification weeks later.
 */
function isContactNeeded(channel: CitizenChannel) {
  return (citizen: CitizenContactData, value: unknown): boolean =>
    value !== undefined || citizen.preferredChannel === channel;
}

/** A missing contact is named for the channel that needs it; a null one, for what it is. */
function requiredFor(channel: CitizenChannel): (args: ValidationArguments) => string {
  return ({ property, value }) =>
    value === null
      ? `${property} must not be null: leave it out when there is none`
      : `${property} is required when preferredChannel is ${channel}`;
}

/** Names a missing contact's failure for clients (a null one is `notNull`, whatever the context). */
function requiredForContext(channel: CitizenChannel): ConstraintContext {
  return { code: 'requiredForChannel', params: { channel } };
}

/** The citizen as routing and notification may see them: a name to address, a way to reach them. */
export class CitizenContactData {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Әлия Сәрсенбайқызы Нұрланова' })
  @IsString()
  @Length(1, 200)
  @IsNotBlank()
  fullName!: string;

  @ApiPropertyOptional({ format: 'email', description: 'Required when preferredChannel is email.' })
  @ValidateIf(isContactNeeded(CitizenChannel.email))
  @IsDefined({
    message: requiredFor(CitizenChannel.email),
    context: requiredForContext(CitizenChannel.email),
  })
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiPropertyOptional({
    pattern: E164_PHONE.source,
    example: '+77011234567',
    description: 'E.164. Required when preferredChannel is sms.',
  })
  @ValidateIf(isContactNeeded(CitizenChannel.sms))
  @IsDefined({ message: requiredFor(CitizenChannel.sms), context: requiredForContext(CitizenChannel.sms) })
  @Matches(E164_PHONE, {
    message: 'phone must be an E.164 phone number, e.g. +77011234567',
    context: { code: 'e164Phone' },
  })
  phone?: string;

  @ApiProperty({ enum: Object.values(CitizenChannel), enumName: 'CitizenChannel' })
  @IsEnum(CitizenChannel, {
    message: `preferredChannel must be one of: ${Object.values(CitizenChannel).join(', ')}`,
  })
  preferredChannel!: CitizenChannel;
}

/** The citizen as submitted: the contact plus the optional IIN, which only intake ever sees. */
export class CitizenData extends CitizenContactData {
  @ApiPropertyOptional({
    pattern: '^\\d{12}$',
    example: '900101300017',
    description: 'Individual identification number: 12 digits, real birth date, valid check digit.',
  })
  @IsOptionalField()
  @IsKazakhIin()
  iin?: string;
}
