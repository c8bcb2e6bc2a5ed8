import {
  IsNotBlank,
  IsOptionalField,
  TYPED_LIFECYCLE_EVENT_TYPES,
  type LifecycleEventType,
} from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';
import type { WebhookSubscription, WebhookSubscriptionStatus } from '../webhook-subscription.entity';
import { MAX_WEBHOOK_URL_LENGTH } from '../webhook-url';

export class CreateSubscriptionRequest {
  @ApiProperty({
    example: 'https://hooks.portal.example.kz/appeal-events',
    maxLength: MAX_WEBHOOK_URL_LENGTH,
    description:
      'https, without a user name or password, on a host of the public internet (checked now and at each delivery).',
  })
  @IsString()
  url!: string;

  @ApiProperty({ enum: TYPED_LIFECYCLE_EVENT_TYPES, isArray: true, example: ['kz.appeals.registered.v1'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(TYPED_LIFECYCLE_EVENT_TYPES.length)
  @ArrayUnique(undefined, { message: 'eventTypes must not repeat a type' })
  @IsIn(TYPED_LIFECYCLE_EVENT_TYPES, {
    each: true,
    message: `each of eventTypes must be one of: ${TYPED_LIFECYCLE_EVENT_TYPES.join(', ')}`,
  })
  eventTypes!: LifecycleEventType[];

  @ApiPropertyOptional({ example: 'Status updates for the portal', maxLength: 500 })
  @IsOptionalField()
  @IsString()
  @Length(1, 500)
  @IsNotBlank()
  description?: string;
}

/** A subscription as its system sees it: never its secret. */
export class SubscriptionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ enum: TYPED_LIFECYCLE_EVENT_TYPES, isArray: true }) eventTypes!: LifecycleEventType[];
  @ApiPropertyOptional({ nullable: true }) description!: string | null;
  @ApiProperty({
    enum: ['active', 'disabled'],
    description:
      'disabled after a run of failed deliveries (or a 410 Gone); POST …/redeliver enables it again.',
  })
  status!: WebhookSubscriptionStatus;
  @ApiProperty({ description: 'Failed attempts in a row since the last delivery.' })
  consecutiveFailures!: number;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) disabledAt!: string | null;
  @ApiPropertyOptional({ enum: ['failures', 'gone'], nullable: true }) disabledReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  static of(subscription: WebhookSubscription): SubscriptionView {
    return {
      id: subscription.id,
      url: subscription.url,
      eventTypes: subscription.eventTypes,
      description: subscription.description,
      status: subscription.status,
      consecutiveFailures: subscription.consecutiveFailures,
      disabledAt: subscription.disabledAt?.toISOString() ?? null,
      disabledReason: subscription.disabledReason,
      createdAt: subscription.createdAt.toISOString(),
      updatedAt: subscription.updatedAt.toISOString(),
    };
  }
}

/** Made or rotated: the secret, shown this once. */
export class SubscriptionWithSecretView extends SubscriptionView {
  @ApiProperty({
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSwMfKQ9r8GKYo=',
    description:
      'Shown only now: verify each delivery with it (Standard Webhooks: base64 after `whsec_` is the HMAC-SHA256 key).',
  })
  secret!: string;

  static withSecret(subscription: WebhookSubscription): SubscriptionWithSecretView {
    return { ...SubscriptionView.of(subscription), secret: subscription.secret };
  }
}
