import {
  type CalendarDay,
  type EpochDay,
  epochDayOf,
  fromEpochDay,
  isWeekend,
  toEpochDay,
} from './calendar-day';
import type { LocalizedText } from './day-reason';

export type HolidayId =
  | 'new-year'
  | 'orthodox-christmas'
  | 'womens-day'
  | 'nauryz'
  | 'unity-day'
  | 'defender-day'
  | 'victory-day'
  | 'capital-day'
  | 'constitution-day'
  | 'republic-day'
  | 'independence-day'
  | 'kurban-ait';

export interface Holiday {
  id: HolidayId;
  name: LocalizedText;
  /**
   * Law art. 5 moves the day off of a national or state holiday that falls on a weekend; 7 January and the
   * first day of Kurban Ait are days off by Labour Code art. 84 p. 5 only, so they never move.
   */
  moves: boolean;
  source: string;
}

interface FixedDateRule {
  holiday: Holiday;
  month: number;
  days: number[];
  /** First and last year the law had the day off; absent means open-ended. */
  fromYear?: number;
  untilYear?: number;
}

const LAW = 'Law No. 267-II "On holidays in the Republic of Kazakhstan"';
const STATE_HOLIDAY = `${LAW} art. 3, 5`;
const LABOUR_CODE_84 = 'Labour Code art. 84 p. 5';

function holiday(id: HolidayId, name: LocalizedText, moves = true, source = STATE_HOLIDAY): Holiday {
  return { id, name, moves, source };
}

export const KURBAN_AIT = holiday(
  'kurban-ait',
  { kk: 'Құрбан айт', ru: 'Курбан айт', en: 'Kurban Ait' },
  false,
  LABOUR_CODE_84,
);

// The law as amended on 29 September 2022: 25 October became the national holiday, 1 December and
// 17 December stopped being days off. Changes before 2022 are not modelled.
const FIXED_DATE_RULES: FixedDateRule[] = [
  {
    holiday: holiday('new-year', { kk: 'Жаңа жыл', ru: 'Новый год', en: 'New Year' }),
    month: 1,
    days: [1, 2],
  },
  {
    holiday: holiday(
      'orthodox-christmas',
      { kk: 'Православиелік Рождество', ru: 'Православное Рождество', en: 'Orthodox Christmas' },
      false,
      LABOUR_CODE_84,
    ),
    month: 1,
    days: [7],
  },
  {
    holiday: holiday('womens-day', {
      kk: 'Халықаралық әйелдер күні',
      ru: 'Международный женский день',
      en: "International Women's Day",
    }),
    month: 3,
    days: [8],
  },
  {
    holiday: holiday('nauryz', { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz meirami' }),
    month: 3,
    days: [21, 22, 23],
  },
  {
    holiday: holiday('unity-day', {
      kk: 'Қазақстан халқының бірлігі мерекесі',
      ru: 'Праздник единства народа Казахстана',
      en: 'Day of Unity of the People of Kazakhstan',
    }),
    month: 5,
    days: [1],
  },
  {
    holiday: holiday('defender-day', {
      kk: 'Отан қорғаушы күні',
      ru: 'День защитника Отечества',
      en: 'Defender of the Fatherland Day',
    }),
    month: 5,
    days: [7],
  },
  {
    holiday: holiday('victory-day', { kk: 'Жеңіс күні', ru: 'День Победы', en: 'Victory Day' }),
    month: 5,
    days: [9],
  },
  {
    holiday: holiday('capital-day', { kk: 'Астана күні', ru: 'День Столицы', en: 'Capital City Day' }),
    month: 7,
    days: [6],
  },
  {
    holiday: holiday('constitution-day', {
      kk: 'Қазақстан Республикасының Конституциясы күні',
      ru: 'День Конституции Республики Казахстан',
      en: 'Constitution Day of the Republic of Kazakhstan',
    }),
    month: 8,
    days: [30],
  },
  {
    holiday: holiday(
      'republic-day',
      { kk: 'Республика күні', ru: 'День Республики', en: 'Republic Day' },
      true,
      `${LAW} art. 2, 5`,
    ),
    month: 10,
    days: [25],
    fromYear: 2022,
  },
  {
    holiday: holiday('independence-day', {
      kk: 'Тәуелсіздік күні',
      ru: 'День Независимости',
      en: 'Independence Day',
    }),
    month: 12,
    days: [16],
  },
];

const HOLIDAYS_BY_ID = new Map<HolidayId, Holiday>([
  ...FIXED_DATE_RULES.map((rule) => [rule.holiday.id, rule.holiday] as const),
  [KURBAN_AIT.id, KURBAN_AIT],
]);

export function holidayById(id: string): Holiday | undefined {
  return HOLIDAYS_BY_ID.get(id as HolidayId);
}

/** A day the law itself makes a day off: a holiday, or the day a weekend holiday's day off moved to. */
export interface LawDayOff {
  date: CalendarDay;
  code: 'holiday' | 'carry-over';
  holiday: HolidayId;
  /** For a carry-over: the weekend holiday it comes from. */
  from?: CalendarDay;
}

/**
 * The days off the law gives in `year`. Kurban Ait follows the lunar calendar and is declared each year,
 * so it is a parameter; without it the year has no Kurban Ait.
 */
export function lawDaysOff(year: number, kurbanAit?: CalendarDay): LawDayOff[] {
  const holidays: Array<{ day: EpochDay; holiday: Holiday }> = [];
  for (const rule of FIXED_DATE_RULES) {
    if ((rule.fromYear ?? year) > year || (rule.untilYear ?? year) < year) continue;
    for (const dayOfMonth of rule.days) {
      holidays.push({ day: epochDayOf({ year, month: rule.month, dayOfMonth }), holiday: rule.holiday });
    }
  }
  if (kurbanAit !== undefined) {
    const day = toEpochDay(kurbanAit);
    // Coinciding with a fixed-date holiday gives no second day off: Kurban Ait never moves.
    if (!holidays.some((h) => h.day === day)) holidays.push({ day, holiday: KURBAN_AIT });
  }
  holidays.sort((a, b) => a.day - b.day);

  const taken = new Set(holidays.map((h) => h.day));
  const result: LawDayOff[] = holidays.map((h) => ({
    date: fromEpochDay(h.day),
    code: 'holiday',
    holiday: h.holiday.id,
  }));
  // In date order, so in a run (21–23 March) each weekend day takes the next free working day after the
  // whole run, and an earlier holiday's day off comes first.
  for (const h of holidays) {
    if (!h.holiday.moves || !isWeekend(h.day)) continue;
    let target = h.day + 1;
    while (isWeekend(target) || taken.has(target)) target += 1;
    taken.add(target);
    result.push({
      date: fromEpochDay(target),
      code: 'carry-over',
      holiday: h.holiday.id,
      from: fromEpochDay(h.day),
    });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
