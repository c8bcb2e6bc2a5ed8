import { IsOptionalField } from '@app/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

export const MAX_WEEKS = 52;

/** `GET /api/v1/figures?weeks=8`: the period is the current week and the weeks before it. */
export class FiguresQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_WEEKS, default: 8 })
  @IsOptionalField()
  @Type(() => Number)
  @IsInt({ message: 'weeks must be a whole number' })
  @Min(1)
  @Max(MAX_WEEKS)
  weeks?: number;
}
