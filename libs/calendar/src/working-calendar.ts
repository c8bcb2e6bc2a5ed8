import { readdirSync } from 'node:fs';
import path from 'node:path';
import { type CalendarDay, checkYear, epochDayOf, fromEpochDay, parseDay, toEpochDay } from './calendar-day';
import type { DayReason } from './day-reason';
import { carryOverText, type LocalizedText } from './day-reason';
import { holidayById, lawDaysOff } from './holiday-rules';
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
  private readonly tables = new Map<number, YearTable>();

  private constructor(
    private readonly years: number[],
    private readonly warn: (message: string) => void,
  ) {}

  static load(options: CalendarOptions = {}): WorkingCalendar {
    const dataDir = options.dataDir ?? calendarDataDir();
    const years = readdirSync(dataDir)
      .filter((name) => /^\d{4}\.json$/.test(name))
      .map((name) => Number(name.slice(0, 4)))
      .sort((a, b) => a - b);
    return new WorkingCalendar(years, options.warn ?? ((message) => process.emitWarning(message)));
  }

  isWorkingDay(day: CalendarDay): boolean {
    const parts = parseDay(day);
    const table = this.table(parts.year);
    return table.working[epochDayOf(parts) - table.firstDay] === 1;
  }

  describe(day: CalendarDay): DayInfo {
    const parts = parseDay(day);
    const table = this.table(parts.year);
    const i = epochDayOf(parts) - table.firstDay;
    const reason = table.reasons[i];
    return reason ? { date: day, working: table.working[i] === 1, reason } : { date: day, working: true };
  }

  workingDayOnOrAfter(day: CalendarDay): CalendarDay {
    let epochDay = toEpochDay(day);
    while (!this.isWorkingEpochDay(epochDay)) epochDay += 1;
    return fromEpochDay(epochDay);
  }

  addWorkingDays(day: CalendarDay, n: number): CalendarDay {
    if (!Number.isSafeInteger(n)) throw new RangeError(`Not a whole number of working days: ${n}`);
    let epochDay = toEpochDay(day);
    const step = Math.sign(n);
    for (let left = Math.abs(n); left > 0;) {
      epochDay += step;
      if (this.isWorkingEpochDay(epochDay)) left -= 1;
    }
    return fromEpochDay(epochDay);
  }

  workingDaysBetween(from: CalendarDay, to: CalendarDay): number {
    const start = toEpochDay(from);
    const end = toEpochDay(to);
    const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
    let count = 0;
    for (let epochDay = low + 1; epochDay <= high; epochDay += 1) {
      if (this.isWorkingEpochDay(epochDay)) count += 1;
    }
    return sign * count;
  }

  nonWorkingDaysBetween(from: CalendarDay, to: CalendarDay): Array<{ date: CalendarDay; reason: DayReason }> {
    const result: Array<{ date: CalendarDay; reason: DayReason }> = [];
    for (let epochDay = toEpochDay(from), end = toEpochDay(to); epochDay <= end; epochDay += 1) {
      const info = this.describe(fromEpochDay(epochDay));
      if (!info.working && info.reason) result.push({ date: info.date, reason: info.reason });
    }
    return result;
  }

  yearsWithData(): number[] {
    return [...this.years];
  }

  private isWorkingEpochDay(epochDay: number): boolean {
    return this.isWorkingDay(fromEpochDay(epochDay));
  }

  private table(year: number): YearTable {
    let table = this.tables.get(year);
    if (!table) {
      checkYear(year);
      table = buildYearTable(year, rulesOnly(year));
      this.tables.set(year, table);
    }
    return table;
  }
}

function rulesOnly(year: number): DayOverride[] {
  return lawDaysOff(year).map((entry) => {
    const holiday = holidayById(entry.holiday)!;
    const text: LocalizedText = entry.from ? carryOverText(parseDay(entry.from), holiday.name) : holiday.name;
    return {
      epochDay: toEpochDay(entry.date),
      working: false,
      reason: { code: entry.code, text, source: holiday.source },
    };
  });
}
