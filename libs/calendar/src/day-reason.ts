import { type DayParts, weekdayOf, epochDayOf } from './calendar-day';
import { MONTHS } from './month-names';

/** What people read comes in Kazakh, Russian and English. */
export interface LocalizedText {
  kk: string;
  ru: string;
  en: string;
}

/** Why a day is not a working day, or why a weekend day is one. */
export interface DayReason {
  code: 'saturday' | 'sunday' | 'holiday' | 'carry-over' | 'transfer-off' | 'transfer-working';
  text: LocalizedText;
  /** Short citation, e.g. 'Law No. 267-II art. 1'. */
  source?: string;
}

export const SATURDAY: DayReason = { code: 'saturday', text: { kk: 'Сенбі', ru: 'Суббота', en: 'Saturday' } };
export const SUNDAY: DayReason = {
  code: 'sunday',
  text: { kk: 'Жексенбі', ru: 'Воскресенье', en: 'Sunday' },
};

// Indexed by weekdayOf (0 = Sunday). Kazakh and Russian need the case the sentence governs.
const WEEKDAYS = {
  kkAblative: [
    'жексенбіден',
    'дүйсенбіден',
    'сейсенбіден',
    'сәрсенбіден',
    'бейсенбіден',
    'жұмадан',
    'сенбіден',
  ],
  kkGenitive: [
    'жексенбінің',
    'дүйсенбінің',
    'сейсенбінің',
    'сәрсенбінің',
    'бейсенбінің',
    'жұманың',
    'сенбінің',
  ],
  ruGenitive: ['воскресенья', 'понедельника', 'вторника', 'среды', 'четверга', 'пятницы', 'субботы'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

/** "Day off carried over from Sunday 22 March (Nauryz meirami)". */
export function carryOverText(from: DayParts, holiday: LocalizedText): LocalizedText {
  const weekday = weekdayOf(epochDayOf(from));
  const month = from.month - 1;
  const day = from.dayOfMonth;
  return {
    kk: `${day} ${MONTHS.kk[month]}, ${WEEKDAYS.kkAblative[weekday]} ауыстырылған демалыс күні (${holiday.kk})`,
    ru: `Выходной день, перенесённый с ${WEEKDAYS.ruGenitive[weekday]} ${day} ${MONTHS.ru[month]} (${holiday.ru})`,
    en: `Day off carried over from ${WEEKDAYS.en[weekday]} ${day} ${MONTHS.en[month]} (${holiday.en})`,
  };
}

/** A day off moved by order from a weekend day that became a working day. */
export function transferOffText(workedInstead: DayParts): LocalizedText {
  const weekday = weekdayOf(epochDayOf(workedInstead));
  const month = workedInstead.month - 1;
  const day = workedInstead.dayOfMonth;
  return {
    kk: `${day} ${MONTHS.kk[month]}, ${WEEKDAYS.kkAblative[weekday]} ауыстырылған демалыс күні`,
    ru: `Выходной день, перенесённый с ${WEEKDAYS.ruGenitive[weekday]} ${day} ${MONTHS.ru[month]}`,
    en: `Day off transferred from ${WEEKDAYS.en[weekday]} ${day} ${MONTHS.en[month]}`,
  };
}

/** A weekend day worked by order in place of a day off. */
export function transferWorkingText(offInstead: DayParts): LocalizedText {
  const weekday = weekdayOf(epochDayOf(offInstead));
  const month = offInstead.month - 1;
  const day = offInstead.dayOfMonth;
  return {
    kk: `${day} ${MONTHS.kk[month]}, ${WEEKDAYS.kkGenitive[weekday]} орнына жұмыс күні`,
    ru: `Рабочий день вместо ${WEEKDAYS.ruGenitive[weekday]} ${day} ${MONTHS.ru[month]}`,
    en: `Working day in place of ${WEEKDAYS.en[weekday]} ${day} ${MONTHS.en[month]}`,
  };
}
