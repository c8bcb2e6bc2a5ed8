import { kazakhstanDay, OutsideCalendarError, type CalendarDay, type WorkingCalendar } from '@app/calendar';
import type { CaseDeadline } from '@app/contracts';
import type { CaseFile } from '../../read-model/case-file';
import type { DeadlineMark } from '../deadline-marks';

export type ReasonLanguage = 'kk' | 'ru' | 'en';

/**
 * The case's deadline explained (the case page's `deadline` without the extension limit, which the state machine
 * adds). Escalation computed the deadline; this only explains what deadline-assigned said.
 */
export type DeadlineExplanation = Omit<CaseDeadline, 'extensionLimit'>;

const WORKING_DAYS = /^(\d+) working days?$/;

export function explainDeadline(
  file: CaseFile,
  mark: DeadlineMark,
  calendar: WorkingCalendar,
  language: ReasonLanguage,
): DeadlineExplanation | null {
  if (file.dueAt === null) return null;
  const dueOn = kazakhstanDay(new Date(file.dueAt));
  const workingDays = file.deadlinePolicy ? WORKING_DAYS.exec(file.deadlinePolicy) : null;
  return {
    dueAt: file.dueAt,
    dueOn,
    originalDueAt: file.originalDueAt,
    extended: file.originalDueAt !== null && file.originalDueAt !== file.dueAt,
    registeredOn: file.registeredOn,
    cause: file.deadlineCause,
    policy: file.deadlinePolicy,
    workingDays: workingDays ? Number(workingDays[1]) : null,
    skipped: file.registeredOn ? skippedDays(calendar, file.registeredOn, dueOn, language) : [],
    level: file.level,
    ...mark,
  };
}

function skippedDays(
  calendar: WorkingCalendar,
  from: CalendarDay,
  to: CalendarDay,
  language: ReasonLanguage,
): DeadlineExplanation['skipped'] {
  try {
    return calendar
      .nonWorkingDaysBetween(from, to)
      .map(({ date, reason }) => ({ date, reason: reason.text[language] }));
  } catch (error) {
    if (error instanceof OutsideCalendarError) return [];
    throw error;
  }
}

/** The first of kk, ru, en that the caller's Accept-Language names; Russian when it names none of them. */
export function reasonLanguageOf(acceptLanguage: string | undefined): ReasonLanguage {
  const tags = (acceptLanguage ?? '').split(',').map((part) => part.trim().slice(0, 2).toLowerCase());
  return tags.find((tag): tag is ReasonLanguage => tag === 'kk' || tag === 'ru' || tag === 'en') ?? 'ru';
}
