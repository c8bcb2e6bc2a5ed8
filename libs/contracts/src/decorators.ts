import { isRFC3339, ValidateBy, ValidateIf, type ValidationOptions } from 'class-validator';

/**
 * An optional property: when the key is absent (undefined) its other rules are skipped.
 * Unlike class-validator's `@IsOptional()`, `null` is NOT treated as absent: it is validated (and so
 * rejected by the type rules). That keeps the declared TypeScript type `T | undefined` true, so
 * consumers can test `!== undefined` without a null slipping through to an email or SMS gateway.
 */
export function IsOptionalField(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

/**
 * Rejects strings made only of whitespace, which `Length(1, n)` would let through. A constraint of its
 * own rather than a `@Matches`, so that its failure has its own code beside a property's other pattern.
 */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && /\S/u.test(value),
        defaultMessage: () => '$property must not be blank',
      },
    },
    options,
  );
}

/** The years a timestamp may name: PostgreSQL has no year 0000, and no appeal predates the Unix epoch. */
export const TIMESTAMP_YEARS = { min: 1970, max: 9999 } as const;

/** The parts of an RFC 3339 date-time that the calendar must accept: year, month, day, hour, minute, second. */
const DATE_TIME_PARTS = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})/;

/** Read in the timestamp's own offset, as written: its year is the one the sender meant. */
function isTimestamp(value: string): boolean {
  if (!isRFC3339(value)) return false;
  const parts = DATE_TIME_PARTS.exec(value);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
  if (year < TIMESTAMP_YEARS.min || year > TIMESTAMP_YEARS.max) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  return existsOnCalendar(year, month, day);
}

function isCalendarDay(value: string): boolean {
  const [year, month, day] = value.split('-').map(Number);
  return existsOnCalendar(year, month, day);
}

/** Whether the Gregorian calendar has this day (no 30 February); luxon would say the same, at many times the cost. */
function existsOnCalendar(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day); // Date.UTC would read years 0–99 as 1900–1999
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Timestamps on the wire are RFC 3339 (the JSON Schema `date-time` profile of ISO 8601) with an
 * explicit offset, so that a time is never read in the wrong zone (Kazakhstan moved to UTC+5 in 2024).
 * The syntax alone admits 30 February and a leap second (`23:59:60`), which neither JavaScript nor
 * PostgreSQL can hold, and year 0000, which PostgreSQL cannot: such a moment would pass here and fail on
 * storing, so it is refused here.
 */
export function IsTimestamp(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isTimestamp',
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isTimestamp(value),
        defaultMessage: () =>
          '$property must be an RFC 3339 date-time with offset that exists on the calendar, in the years 1970 to 9999, e.g. 2025-03-01T09:30:00+05:00',
      },
    },
    options,
  );
}

/**
 * A day on the calendar as `YYYY-MM-DD` (the JSON Schema `date` format): the syntax alone would admit
 * 2025-02-30, which a consumer cannot turn into a day.
 */
export function IsCalendarDay(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDay',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isCalendarDay(value),
        defaultMessage: () => '$property must be a day YYYY-MM-DD',
      },
    },
    options,
  );
}
