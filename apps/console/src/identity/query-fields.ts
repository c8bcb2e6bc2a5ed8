import { IsOptionalField } from '@app/contracts';
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

/** A whole number of a query string, from `min` to `max` (a query value arrives as text). */
export function WholeNumberParameter(
  min: number,
  max: number,
  description: string,
  fallback?: number,
): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      minimum: min,
      maximum: max,
      description,
      ...(fallback !== undefined ? { default: fallback } : {}),
    }),
    IsOptionalField(),
    Type(() => Number),
    IsInt(),
    Min(min),
    Max(max),
  );
}

/** How many items a page holds. */
export const PAGE_LIMIT = { fallback: 50, max: 200 };
export const PageLimitParameter = (): PropertyDecorator =>
  WholeNumberParameter(1, PAGE_LIMIT.max, 'Items per page.', PAGE_LIMIT.fallback);
