import path from 'node:path';
import {
  type CalendarDay,
  type EpochDay,
  checkYear,
  epochDayOf,
  fromEpochDay,
  parseDay,
  toEpochDay,
  yearOfEpochDay,
} from './calendar-day';
import { carryOverText, type DayReason, transferOffText, transferWorkingText } from './day-reason';
import { holidayById, lawDaysOff } from './holiday-rules';
import { type DataDay, loadYearData, type YearData } from './year-data';
import { buildYearTable, type DayOverride, type YearTable } from './year-table';

export interface DayInfo {
  date: CalendarDay;
  working: boolean;
  /** Absent for an ordinary weekday. */
  reason?: DayReason;
}

export interface CalendarOptions {
  /** Folder of per-year JSON files; default: the package's own data folder. */
  dataDir?: string;
  /** Called once per year that has no file (and once per other data problem worth a warning). */
  warn?: (message: string) => void;
}

/** The default data folder: `libs/calendar/data` from source, `dist/libs/calendar/data` from the build. */
export function calendarDataDir(): string {
  return path.resolve(__dirname, '../data');
}

export class WorkingCalendar {
  /** Built on first use: most callers touch a year or two. */
  private readonly tables = new Map<number, YearTable>();

  private constructor(
    private readonly data: Map<number, YearData>,
    private readonly warn: (message: string) => void,
  ) {}

  static load(options: CalendarOptions = {}): WorkingCalendar {
    const data = loadYearData(options.dataDir ?? calendarDataDir());
    return new WorkingCalendar(data, options.warn ?? ((message) => process.emitWarning(message)));
  }

  isWorkingDay(day: CalendarDay): boolean {
    const parts = parseDay(day);
    const table = this.table(parts.year);
    return table.working[epochDayOf(parts) - table.firstDay] === 1;
  }

  describe(day: CalendarDay): DayInfo {
    const epochDay = toEpochDay(day);
    const table = this.table(yearOfEpochDay(epochDay));
    const i = epochDay - table.firstDay;
    const reason = table.reasons[i];
    return reason ? { date: day, working: table.working[i] === 1, reason } : { date: day, working: true };
  }

  workingDayOnOrAfter(day: CalendarDay): CalendarDay {
    let epochDay = toEpochDay(day);
    while (!this.isWorking(epochDay)) epochDay += 1;
    return fromEpochDay(epochDay);
  }

  addWorkingDays(day: CalendarDay, n: number): CalendarDay {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of working days: ${n}`);
    let epochDay = toEpochDay(day);
    const step = Math.sign(n);
    for (let left = Math.abs(n); left > 0;) {
      epochDay += step;
      if (this.isWorking(epochDay)) left -= 1;
    }
    return fromEpochDay(epochDay);
  }

  /**
   * Forwards, the working days in (from, to]; backwards, minus those in [to, from). Counting back this way
   * keeps addWorkingDays(from, workingDaysBetween(from, x)) === x for every working x, even when `from` is a
   * day off (a Saturday minus one working day is the Friday before).
   */
  workingDaysBetween(from: CalendarDay, to: CalendarDay): number {
    const start = toEpochDay(from);
    const end = toEpochDay(to);
    let count = 0;
    if (start <= end) {
      for (let epochDay = start + 1; epochDay <= end; epochDay += 1) if (this.isWorking(epochDay)) count += 1;
      return count;
    }
    for (let epochDay = end; epochDay < start; epochDay += 1) if (this.isWorking(epochDay)) count -= 1;
    return count;
  }

  nonWorkingDaysBetween(from: CalendarDay, to: CalendarDay): Array<{ date: CalendarDay; reason: DayReason }> {
    const result: Array<{ date: CalendarDay; reason: DayReason }> = [];
    for (let epochDay = toEpochDay(from), end = toEpochDay(to); epochDay <= end; epochDay += 1) {
      const table = this.table(yearOfEpochDay(epochDay));
      const i = epochDay - table.firstDay;
      const reason = table.reasons[i];
      if (table.working[i] === 0 && reason) result.push({ date: fromEpochDay(epochDay), reason });
    }
    return result;
  }

  yearsWithData(): number[] {
    return [...this.data.keys()].sort((a, b) => a - b);
  }

  private isWorking(epochDay: EpochDay): boolean {
    const table = this.table(yearOfEpochDay(epochDay));
    return table.working[epochDay - table.firstDay] === 1;
  }

  private table(year: number): YearTable {
    let table = this.tables.get(year);
    if (!table) {
      checkYear(year);
      table = buildYearTable(year, this.overrides(year));
      this.tables.set(year, table);
    }
    return table;
  }

  private overrides(year: number): DayOverride[] {
    const data = this.data.get(year);
    if (!data) {
      this.warn(
        `No calendar data for ${year}: its working days follow the law's rules alone; ` +
          'the date of Kurban Ait and any order moving days off are unknown',
      );
      return lawDaysOff(year).map((entry) =>
        toOverride({ ...entry, source: holidayById(entry.holiday)!.source }),
      );
    }
    const unconfirmed = [
      ...data.days
        .filter((day) => day.provisional)
        .map((day) => `${day.date} (${day.holiday ?? day.code}) is provisional`),
      ...data.flags.map((flag) => (flag.date ? `${flag.date}: ${flag.text}` : flag.text)),
    ];
    if (unconfirmed.length > 0) {
      this.warn(`Calendar data for ${year} has unconfirmed entries: ${unconfirmed.join('; ')}`);
    }
    return data.days.map(toOverride);
  }
}

function toOverride(day: Omit<DataDay, 'provisional'>): DayOverride {
  const source = day.source;
  const epochDay = toEpochDay(day.date);
  switch (day.code) {
    case 'holiday':
      return {
        epochDay,
        working: false,
        reason: { code: day.code, text: holidayById(day.holiday!)!.name, source },
      };
    case 'carry-over': {
      const text = carryOverText(parseDay(day.from!), holidayById(day.holiday!)!.name);
      return { epochDay, working: false, reason: { code: day.code, text, source } };
    }
    case 'transfer-off':
      return {
        epochDay,
        working: false,
        reason: { code: day.code, text: transferOffText(parseDay(day.pairedWith!)), source },
      };
    case 'transfer-working':
      return {
        epochDay,
        working: true,
        reason: { code: day.code, text: transferWorkingText(parseDay(day.pairedWith!)), source },
      };
  }
}
