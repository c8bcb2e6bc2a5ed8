import { CategoryField, IsKatoCode, IsOptionalField } from '@app/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { CaseStatus } from '../../case-status';
import { PageQuery } from '../page.query';

export const QUEUE_STATUSES = ['open', 'all', ...Object.values(CaseStatus)] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export const QueueSort = { due: 'due', received: 'received', updated: 'updated' } as const;
export type QueueSort = (typeof QueueSort)[keyof typeof QueueSort];

/** `GET /api/v1/cases`: the caller's queue, filtered, sorted and paged. */
export class QueueQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: QUEUE_STATUSES,
    default: 'open',
    description: 'open: still owed an answer (registered, new, in-work, transfer-pending).',
  })
  @IsOptionalField()
  @IsIn(QUEUE_STATUSES, { message: `status must be one of: ${QUEUE_STATUSES.join(', ')}` })
  status?: QueueStatus;

  @ApiPropertyOptional({ example: 'regional-akimat' })
  @IsOptionalField()
  @Matches(/^[a-z][a-z0-9-]{0,63}$/, {
    message: 'level must be a lower-case level code like regional-akimat',
  })
  level?: string;

  @IsOptionalField()
  @CategoryField()
  category?: string;

  @ApiPropertyOptional({ pattern: '^\\d{9}$', description: "A region's (or any place's) КАТО code." })
  @IsOptionalField()
  @IsKatoCode()
  region?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptionalField()
  @IsIn(['true', 'false'], { message: 'overdue must be true or false' })
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: Object.values(QueueSort), default: QueueSort.due })
  @IsOptionalField()
  @IsIn(Object.values(QueueSort), { message: `sort must be one of: ${Object.values(QueueSort).join(', ')}` })
  sort?: QueueSort;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc' })
  @IsOptionalField()
  @IsIn(['asc', 'desc'], { message: 'order must be asc or desc' })
  order?: 'asc' | 'desc';
}
