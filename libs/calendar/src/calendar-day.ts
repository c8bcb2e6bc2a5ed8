/** A calendar day in Kazakhstan, 'YYYY-MM-DD'. */
export type CalendarDay = string;

/** Outside this range a day is far more likely a typo than a deadline, and the rules were never meant for it. */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

/** A day the calendar has no rules for: a caller's input out of range, not a fault of the calendar. */
export class OutsideCalendarError extends RangeError {
  constructor(readonly year: number) {
    super(`Year ${year} is outside the calendar's range ${FIRST_YEAR}–${LAST_YEAR}`);
    this.name = 'OutsideCalendarError';
  }
}

const MS_PER_DAY = 86_400_000;
const DIGIT_0 = 48;

/** Days since 1970-01-01: arithmetic on calendar days is integer arithmetic on these. */
export type EpochDay = number;

export interface DayParts {
  year: number;
  month: number;
  dayOfMonth: number;
}

function digits(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) return NaN;
    value = value * 10 + digit;
  }
  return value;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    throw new OutsideCalendarError(year);
  }
}

/** Parsed by hand rather than by a regular expression: isWorkingDay runs millions of times in the benchmark. */
export function parseDay(day: CalendarDay): DayParts {
  if (typeof day !== 'string' || day.length !== 10 || day[4] !== '-' || day[7] !== '-') {
    throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  }
  const year = digits(day, 0, 4);
  const month = digits(day, 5, 7);
  const dayOfMonth = digits(day, 8, 10);
  if (!(month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= daysInMonth(year, month))) {
    throw new RangeError(`Not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  }
  checkYear(year);
  return { year, month, dayOfMonth };
}

export function epochDayOf(parts: DayParts): EpochDay {
  return Date.UTC(parts.year, parts.month - 1, parts.dayOfMonth) / MS_PER_DAY;
}

export function toEpochDay(day: CalendarDay): EpochDay {
  return epochDayOf(parseDay(day));
}

export function fromEpochDay(epochDay: EpochDay): CalendarDay {
  const day = new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
  checkYear(Number(day.slice(0, 4)));
  return day;
}

export function yearOfEpochDay(epochDay: EpochDay): number {
  return new Date(epochDay * MS_PER_DAY).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function weekdayOf(epochDay: EpochDay): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function isWeekend(epochDay: EpochDay): boolean {
  const weekday = weekdayOf(epochDay);
  return weekday === 0 || weekday === 6;
}
