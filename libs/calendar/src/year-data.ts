import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type CalendarDay, checkYear, isWeekend, parseDay, toEpochDay } from './calendar-day';
import { holidayById, type HolidayId } from './holiday-rules';

/** One day in a year file: a day off, or a weekend day that is worked. */
export interface DataDay {
  date: CalendarDay;
  code: 'holiday' | 'carry-over' | 'transfer-off' | 'transfer-working';
  /** For a holiday and a carry-over: which holiday. */
  holiday?: HolidayId;
  /** For a carry-over: the weekend holiday whose day off this is. */
  from?: CalendarDay;
  /** For a transfer: the other day of the same order. */
  pairedWith?: CalendarDay;
  source: string;
  /** Not yet declared by whoever declares it (Kurban Ait a year ahead). */
  provisional?: boolean;
}

/** Something in the file that is not confirmed, and where it was reported. */
export interface DataFlag {
  date?: CalendarDay;
  text: string;
  reportedIn?: string[];
}

export interface YearData {
  file: string;
  year: number;
  days: DataDay[];
  flags: DataFlag[];
}

const FILE_NAME = /^(\d{4})\.json$/;
const FILE_KEYS = new Set(['$schema', 'year', 'sources', 'days', 'flags']);
const DAY_KEYS = new Set(['date', 'code', 'holiday', 'from', 'pairedWith', 'source', 'provisional']);
const FLAG_KEYS = new Set(['date', 'text', 'reportedIn']);
const CODES = new Set<DataDay['code']>(['holiday', 'carry-over', 'transfer-off', 'transfer-working']);

class DataError extends Error {}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new DataError(message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkKeys(value: Record<string, unknown>, allowed: Set<string>, what: string): void {
  const unknown = Object.keys(value).filter((key) => !allowed.has(key));
  check(unknown.length === 0, `${what} has unknown field(s) ${unknown.join(', ')}`);
}

function checkDay(value: unknown, year: number, what: string): CalendarDay {
  check(typeof value === 'string', `${what} is not a 'YYYY-MM-DD' string`);
  try {
    check(parseDay(value).year === year, `${what} ${value} is not in ${year}`);
  } catch (error) {
    if (error instanceof RangeError) throw new DataError(`${what}: ${error.message}`);
    throw error;
  }
  return value;
}

function readDay(raw: unknown, year: number, index: number): DataDay {
  const what = `days[${index}]`;
  check(isObject(raw), `${what} is not an object`);
  checkKeys(raw, DAY_KEYS, what);
  const date = checkDay(raw.date, year, `${what}.date`);
  const at = `${what} (${date})`;
  check(CODES.has(raw.code as DataDay['code']), `${at} has unknown code ${JSON.stringify(raw.code)}`);
  check(typeof raw.source === 'string' && raw.source.trim() !== '', `${at} has no source`);
  check(
    raw.provisional === undefined || typeof raw.provisional === 'boolean',
    `${at}.provisional is not boolean`,
  );
  const day: DataDay = { date, code: raw.code as DataDay['code'], source: raw.source };
  if (raw.provisional) day.provisional = true;
  const weekend = isWeekend(toEpochDay(date));
  switch (day.code) {
    case 'holiday':
    case 'carry-over':
      check(
        holidayById(String(raw.holiday)) !== undefined,
        `${at} has unknown holiday ${JSON.stringify(raw.holiday)}`,
      );
      day.holiday = raw.holiday as HolidayId;
      if (day.code === 'carry-over') {
        check(!weekend, `${at} is a carry-over onto a weekend day`);
        day.from = checkDay(raw.from, year, `${at}.from`);
      } else {
        check(raw.from === undefined, `${at}: only a carry-over has 'from'`);
      }
      check(raw.pairedWith === undefined, `${at}: only a transfer has 'pairedWith'`);
      break;
    case 'transfer-off':
    case 'transfer-working':
      check(
        weekend === (day.code === 'transfer-working'),
        `${at}: ${day.code} on a ${weekend ? 'weekend day' : 'weekday'}`,
      );
      check(
        raw.holiday === undefined && raw.from === undefined,
        `${at}: a transfer has no 'holiday' or 'from'`,
      );
      day.pairedWith = checkDay(raw.pairedWith, year, `${at}.pairedWith`);
      break;
  }
  return day;
}

function readFlag(raw: unknown, year: number, index: number): DataFlag {
  const what = `flags[${index}]`;
  check(isObject(raw), `${what} is not an object`);
  checkKeys(raw, FLAG_KEYS, what);
  check(typeof raw.text === 'string' && raw.text.trim() !== '', `${what} has no text`);
  const flag: DataFlag = { text: raw.text };
  if (raw.date !== undefined) flag.date = checkDay(raw.date, year, `${what}.date`);
  if (raw.reportedIn !== undefined) {
    check(
      Array.isArray(raw.reportedIn) && raw.reportedIn.every((s) => typeof s === 'string'),
      `${what}.reportedIn is not a list of strings`,
    );
    flag.reportedIn = raw.reportedIn;
  }
  return flag;
}

/** What ties entries to each other: a carry-over to its weekend holiday, a transfer to its pair. */
function checkLinks(days: DataDay[]): void {
  const byDate = new Map<CalendarDay, DataDay>();
  for (const day of days) {
    check(!byDate.has(day.date), `${day.date} is listed twice`);
    byDate.set(day.date, day);
  }
  for (const day of days) {
    if (day.from !== undefined) {
      const origin = byDate.get(day.from);
      check(
        origin?.code === 'holiday' && origin.holiday === day.holiday && isWeekend(toEpochDay(day.from)),
        `${day.date}: carry-over from ${day.from}, which is not a weekend ${day.holiday} holiday in the file`,
      );
    }
    if (day.pairedWith !== undefined) {
      const pair = byDate.get(day.pairedWith);
      const expected = day.code === 'transfer-off' ? 'transfer-working' : 'transfer-off';
      check(
        pair?.code === expected && pair.pairedWith === day.date,
        `${day.date}: ${day.code} paired with ${day.pairedWith}, which is not a ${expected} paired back`,
      );
    }
  }
  const kurbanAit = days.filter((day) => day.holiday === 'kurban-ait' && day.code === 'holiday');
  check(kurbanAit.length <= 1, 'Kurban Ait is listed more than once');
}

export function parseYearData(file: string, json: unknown): YearData {
  try {
    const match = FILE_NAME.exec(path.basename(file));
    check(match !== null, 'the file name is not <year>.json');
    const year = Number(match[1]);
    checkYear(year);
    check(isObject(json), 'the file is not a JSON object');
    checkKeys(json, FILE_KEYS, 'the file');
    check(json.year === year, `"year" is ${JSON.stringify(json.year)}, not ${year} as the file name says`);
    check(Array.isArray(json.days), '"days" is not a list');
    check(json.flags === undefined || Array.isArray(json.flags), '"flags" is not a list');
    check(
      json.sources === undefined ||
        (Array.isArray(json.sources) &&
          json.sources.every((s) => isObject(s) && typeof s.title === 'string' && typeof s.url === 'string')),
      '"sources" is not a list of { title, url }',
    );
    const days = json.days.map((raw, i) => readDay(raw, year, i));
    checkLinks(days);
    const flags = ((json.flags as unknown[] | undefined) ?? []).map((raw, i) => readFlag(raw, year, i));
    return { file, year, days: days.sort((a, b) => (a.date < b.date ? -1 : 1)), flags };
  } catch (error) {
    if (error instanceof DataError || error instanceof RangeError) {
      throw new Error(`Calendar data ${file}: ${error.message}`);
    }
    throw error;
  }
}

/**
 * Every `*.json` in the folder but JSON schemas, so a new year or a late order is a data change only. A JSON
 * file with another name fails the load rather than being skipped: a mistyped year must not vanish silently.
 */
export function loadYearData(dataDir: string): Map<number, YearData> {
  const years = new Map<number, YearData>();
  const names = readdirSync(dataDir).filter(
    (name) => name.endsWith('.json') && !name.endsWith('.schema.json'),
  );
  for (const name of names.sort()) {
    const file = path.join(dataDir, name);
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`Calendar data ${file}: not valid JSON (${(error as Error).message})`);
    }
    const data = parseYearData(file, json);
    years.set(data.year, data);
  }
  return years;
}
