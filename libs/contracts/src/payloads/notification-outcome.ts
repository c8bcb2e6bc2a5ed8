import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsObject, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { IsNotBlank, IsOptionalField, IsTimestamp } from '../decorators';
import { AppealEventData } from './appeal-event-data';
import { OptionalOrganizationIdField } from './appeal-fields';

/** How a message travels: to citizens by e-mail or SMS, to staff in the console, to systems by webhook. */
export const NotificationChannel = {
  email: 'email',
  sms: 'sms',
  inApp: 'in-app',
  webhook: 'webhook',
} as const;
export type NotificationChannel = (typeof NotificationChannel)[keyof typeof NotificationChannel];

/** Whom a message is for: the appeal's citizen, an organisation's staff, or a subscribed external system. */
export const RecipientKind = { citizen: 'citizen', organization: 'organization', system: 'system' } as const;
export type RecipientKind = (typeof RecipientKind)[keyof typeof RecipientKind];

/** Why a message was given up. */
export const NotificationFailure = {
  /** The provider refused it for good (a 5xx SMTP reply, a 4xx from the gateway or the receiver). */
  rejected: 'rejected',
  /** Every attempt met an outage or a temporary refusal. */
  exhausted: 'exhausted',
  /** The send may have happened (the connection broke mid-message) and the channel cannot deduplicate a retry. */
  outcomeUnknown: 'outcome-unknown',
  /** The event lacked what the message must say; nothing was sent. */
  unrenderable: 'unrenderable',
} as const;
export type NotificationFailure = (typeof NotificationFailure)[keyof typeof NotificationFailure];

/** A text in each language the system speaks. */
export class LocalizedTextData {
  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  kk!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  ru!: string;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @Length(1, 2000)
  en!: string;
}

/** An in-app message for an organisation's staff, in every language: each user reads it in their own. */
export class InAppMessageData {
  @ApiProperty({ type: () => LocalizedTextData })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextData)
  title!: LocalizedTextData;

  @ApiProperty({ type: () => LocalizedTextData })
  @IsObject()
  @ValidateNested()
  @Type(() => LocalizedTextData)
  body!: LocalizedTextData;
}

/** What both outcomes say about the message: which step of which appeal it announced, to whom, how. */
export abstract class NotificationOutcomeData extends AppealEventData {
  @ApiProperty({ minLength: 1, maxLength: 64, description: "Notification's id of the message." })
  @IsString()
  @Length(1, 64)
  @IsNotBlank()
  notificationId!: string;

  @ApiProperty({ minLength: 1, maxLength: 128, description: 'The id of the lifecycle event it announced.' })
  @IsString()
  @Length(1, 128)
  eventId!: string;

  @ApiProperty({ minLength: 1, maxLength: 128, example: 'kz.appeals.routed.v1' })
  @IsString()
  @Length(1, 128)
  eventType!: string;

  @ApiProperty({ enum: Object.values(NotificationChannel), enumName: 'NotificationChannel' })
  @IsEnum(NotificationChannel)
  channel!: NotificationChannel;

  @ApiProperty({ enum: Object.values(RecipientKind), enumName: 'RecipientKind' })
  @IsEnum(RecipientKind)
  recipientKind!: RecipientKind;

  @OptionalOrganizationIdField(
    'The organisation whose staff the message is for (recipientKind organization).',
  )
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The webhook subscription (recipientKind system).' })
  @IsOptionalField()
  @IsString()
  @Length(1, 64)
  subscriptionId?: string;

  @ApiProperty({
    minLength: 1,
    maxLength: 128,
    example: 'appeal-routed',
    description: 'The message template.',
  })
  @IsString()
  @Length(1, 128)
  template!: string;

  @ApiProperty({ minimum: 1, maximum: 1000, description: 'Attempts made, the last one included.' })
  @IsInt()
  @Min(1)
  @Max(1000)
  attempts!: number;
}

/** `kz.notifications.sent.v1`: the message was handed over (accepted by the SMTP server, gateway or receiver). */
export class NotificationSentData extends NotificationOutcomeData {
  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  sentAt!: string;

  @ApiPropertyOptional({
    type: () => InAppMessageData,
    description: "An in-app message's title and body in every language, for the console to show staff.",
  })
  @IsOptionalField()
  @IsObject()
  @ValidateNested()
  @Type(() => InAppMessageData)
  inApp?: InAppMessageData;
}

/** `kz.notifications.failed.v1`: the last attempt failed; the message will not be sent unless redelivered. */
export class NotificationFailedData extends NotificationOutcomeData {
  @ApiProperty({ format: 'date-time' })
  @IsTimestamp()
  failedAt!: string;

  @ApiProperty({ enum: Object.values(NotificationFailure), enumName: 'NotificationFailure' })
  @IsEnum(NotificationFailure)
  reason!: NotificationFailure;
}
