import { IsOptionalField, IsTimestamp } from '@app/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import type { NotificationStatus } from '../../notifications/notification.entity';
import type { DeliveryLogRow } from '../webhook-delivery.repository';

const STATUSES: readonly NotificationStatus[] = ['pending', 'sending', 'sent', 'failed', 'held'];
export const DEFAULT_LOG_LIMIT = 50;
export const MAX_LOG_LIMIT = 200;

/** `GET …/{id}/deliveries`: newest first, a page at a time. */
export class DeliveryLogQuery {
  @ApiPropertyOptional({ enum: STATUSES })
  @IsOptionalField()
  @IsIn(STATUSES, { message: `status must be one of: ${STATUSES.join(', ')}` })
  status?: NotificationStatus;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_LOG_LIMIT, default: DEFAULT_LOG_LIMIT })
  @IsOptionalField()
  @Matches(/^([1-9]\d?|1\d\d|200)$/, {
    message: `limit must be a whole number from 1 to ${MAX_LOG_LIMIT}`,
    context: { code: 'wholeNumberRange', params: { min: 1, max: MAX_LOG_LIMIT } },
  })
  limit?: string;

  @ApiPropertyOptional({ description: 'The `nextBefore` of the previous page: deliveries older than it.' })
  @IsOptionalField()
  @Matches(/^\d{1,18}$/, { message: 'before must be the nextBefore of a previous page' })
  before?: string;
}

/** `POST …/{id}/redeliver`. */
export class RedeliverRequest {
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Only deliveries of events recorded at or after this moment; all of them without it.',
  })
  @IsOptionalField()
  @IsTimestamp()
  since?: string;
}

export class RedeliveryView {
  @ApiProperty({ description: 'How many failed or held deliveries are due again now.' }) requeued!: number;
}

export class AttemptView {
  @ApiProperty({ description: '1 for the first attempt (counted again from 1 after a redelivery).' })
  attempt!: number;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) finishedAt!: string;
  @ApiProperty({ enum: ['sent', 'retry', 'rejected', 'unknown'] }) outcome!: string;
  @ApiProperty({
    example: 'HTTP 503 upstream unavailable',
    description: 'HTTP status and the start of your answer.',
  })
  providerAnswer!: string;
}

export class DeliveryView {
  @ApiProperty({ description: 'The webhook-id header of every attempt of it: dedupe by it.' })
  notificationId!: string;
  @ApiProperty({ format: 'uuid', description: "The CloudEvent's id." }) eventId!: string;
  @ApiProperty({ example: 'kz.appeals.registered.v1' }) eventType!: string;
  @ApiProperty({ enum: STATUSES }) status!: NotificationStatus;
  @ApiProperty() attempts!: number;
  @ApiPropertyOptional({
    format: 'date-time',
    nullable: true,
    description: 'While pending: when it is tried.',
  })
  nextAttemptAt!: string | null;
  @ApiPropertyOptional({ nullable: true, example: 'exhausted' }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) sentAt!: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) failedAt!: string | null;
  @ApiProperty({ type: [AttemptView] }) attemptLog!: AttemptView[];

  static of(row: DeliveryLogRow): DeliveryView {
    return {
      notificationId: String(row.id),
      eventId: row.event_id,
      eventType: row.event_type,
      status: row.status,
      attempts: row.attempts,
      nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
      lastError: row.last_error,
      createdAt: row.created_at.toISOString(),
      sentAt: row.sent_at?.toISOString() ?? null,
      failedAt: row.failed_at?.toISOString() ?? null,
      attemptLog: row.attempt_log.map((attempt) => ({
        ...attempt,
        startedAt: new Date(attempt.startedAt).toISOString(),
        finishedAt: new Date(attempt.finishedAt).toISOString(),
      })),
    };
  }
}

export class DeliveryLogView {
  @ApiProperty({ type: [DeliveryView] }) deliveries!: DeliveryView[];
  @ApiPropertyOptional({
    description: 'Pass as `before` for the next (older) page; absent on the last page.',
  })
  nextBefore?: string;
}
