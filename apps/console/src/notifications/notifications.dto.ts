import {
  IsOptionalField,
  type NotificationPage as ApiNotificationPage,
  type ReadAllAnswer as ApiReadAllAnswer,
  type StaffMessageView,
} from '@app/contracts';
import type { Language } from '@app/service-kit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { STAFF_LANGUAGES } from '../access/staff-language';
import { PageLimitParameter, WholeNumberParameter } from '../identity/query-fields';

export class NotificationListQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only those the caller has not read.' })
  @IsOptionalField()
  @IsIn(['true', 'false'], { message: 'unread must be true or false' })
  unread?: 'true' | 'false';

  @WholeNumberParameter(1, Number.MAX_SAFE_INTEGER, 'The `nextBefore` of the previous page.')
  before?: number;

  @PageLimitParameter()
  limit?: number;
}

export class NotificationView implements StaffMessageView {
  @ApiProperty({ description: "Notification's id of the message." }) id!: string;
  @ApiProperty({ format: 'uuid' }) appealId!: string;
  @ApiProperty() trackingNumber!: string;
  @ApiProperty({ example: 'kz.appeals.routed.v1', description: 'The lifecycle event it announces.' })
  eventType!: string;
  @ApiProperty({ example: 'appeal-assigned' }) template!: string;
  @ApiProperty({ enum: STAFF_LANGUAGES, description: "The caller's language, which title and body are in." })
  language!: Language;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ format: 'date-time', description: 'When notification delivered it.' }) sentAt!: string;
  @ApiProperty({ format: 'date-time', description: 'When it reached the console.' }) createdAt!: string;
  @ApiProperty({ description: 'Whether the caller has marked it read (marks are per user).' }) read!: boolean;
}

export class NotificationPage implements ApiNotificationPage {
  @ApiProperty({ type: [NotificationView] }) items!: NotificationView[];
  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Pass as `before` for the next (older) page; null on the last.',
  })
  nextBefore!: number | null;
}

export class ReadAllAnswer implements ApiReadAllAnswer {
  @ApiProperty({ description: 'How many messages were unread and are now read.' }) marked!: number;
}
