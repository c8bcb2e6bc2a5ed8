import { FIRST_YEAR, KAZAKHSTAN_OFFSET_MINUTES, LAST_YEAR } from '@app/calendar';
import {
  AppealKind,
  AppealLanguage,
  IsOptionalField,
  IsTimestamp,
  validatePayload,
  type FieldError,
} from '@app/contracts';
import { invalidRequest } from '@app/service-kit';
import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsEnum, Matches } from 'class-validator';

/** `GET /api/v1/deadlines/preview?receivedAt=…&kind=…` (or `&workingDays=n` instead of kind). */
export class DeadlinePreviewQuery {
  @ApiProperty({
    format: 'date-time',
    example: '2026-03-20T18:30:00+05:00',
    description: 'When the appeal was received.',
  })
  @IsTimestamp()
  receivedAt!: string;

  @ApiPropertyOptional({
    enum: Object.values(AppealKind),
    description: 'Use the policy of this kind of appeal.',
  })
  @IsOptionalField()
  @IsEnum(AppealKind, { message: `kind must be one of: ${Object.values(AppealKind).join(', ')}` })
  kind?: AppealKind;

  @ApiPropertyOptional({
    pattern: '^\\d{1,3}$',
    description: 'Count this many working days instead of a policy (0–365).',
  })
  @IsOptionalField()
  @Matches(/^(\d{1,2}|[12]\d\d|3[0-5]\d|36[0-5])$/, {
    message: 'workingDays must be a whole number from 0 to 365',
    context: { code: 'wholeNumberRange', params: { min: 0, max: 365 } },
  })
  workingDays?: string;

  @ApiPropertyOptional({
    enum: Object.values(AppealLanguage),
    description: 'Language of the reasons (default en).',
  })
  @IsOptionalField()
  @IsEnum(AppealLanguage, { message: `lang must be one of: ${Object.values(AppealLanguage).join(', ')}` })
  lang?: AppealLanguage;
}

export type PreviewRequest = { receivedAt: Date; lang: AppealLanguage } & (
  { kind: AppealKind } | { workingDays: number }
);

/** Turns the query into a request, or a 400 naming each bad parameter. */
export function parsePreviewQuery(query: unknown): PreviewRequest {
  const checked = validatePayload(DeadlinePreviewQuery, query);
  if (!checked.ok) throw invalidRequest(400, 'invalid-query', checked.errors);
  const { receivedAt, kind, workingDays, lang = 'en' } = checked.value;
  const errors: FieldError[] = [];
  const received = new Date(receivedAt);
  const year = new Date(received.getTime() + KAZAKHSTAN_OFFSET_MINUTES * 60_000).getUTCFullYear();
  if (year < FIRST_YEAR || year > LAST_YEAR)
    errors.push({
      field: 'receivedAt',
      reason: `receivedAt must be in the years ${FIRST_YEAR}–${LAST_YEAR}`,
      code: 'yearRange',
      params: { min: FIRST_YEAR, max: LAST_YEAR },
    });
  if ((kind === undefined) === (workingDays === undefined)) {
    const oneOf = {
      reason: 'give exactly one of kind and workingDays',
      code: 'exactlyOneOf',
      params: { fields: 'kind, workingDays' },
    };
    errors.push({ field: 'kind', ...oneOf }, { field: 'workingDays', ...oneOf });
  }
  if (errors.length > 0) throw invalidRequest(400, 'invalid-query', errors);
  return kind !== undefined
    ? { receivedAt: received, lang, kind }
    : { receivedAt: received, lang, workingDays: Number(workingDays) };
}
