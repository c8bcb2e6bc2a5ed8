import { type EpochDay, epochDayOf, weekdayOf } from './calendar-day';
import { type DayReason, SATURDAY, SUNDAY } from './day-reason';

/** One entry that overrides the Monday-to-Friday week. */
export interface DayOverride {
  epochDay: EpochDay;
  working: boolean;
  reason: DayReason;
}

/** A year laid out as arrays indexed by day of the year, so a look-up is two array reads. */
export interface YearTable {
  firstDay: EpochDay;
  working: Uint8Array;
  reasons: Array<DayReason | undefined>;
}

export function buildYearTable(year: number, overrides: DayOverride[]): YearTable {
  const firstDay = epochDayOf({ year, month: 1, dayOfMonth: 1 });
  const length = epochDayOf({ year: year + 1, month: 1, dayOfMonth: 1 }) - firstDay;
  const working = new Uint8Array(length);
  const reasons = new Array<DayReason | undefined>(length);
  for (let i = 0; i < length; i += 1) {
    const weekday = weekdayOf(firstDay + i);
    working[i] = weekday === 0 || weekday === 6 ? 0 : 1;
    reasons[i] = weekday === 0 ? SUNDAY : weekday === 6 ? SATURDAY : undefined;
  }
  for (const override of overrides) {
    const i = override.epochDay - firstDay;
    working[i] = override.working ? 1 : 0;
    reasons[i] = override.reason;
  }
  return { firstDay, working, reasons };
}
