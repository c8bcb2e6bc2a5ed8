import { kazakhstanDay, OutsideCalendarError, type CalendarDay, type WorkingCalendar } from '@app/calendar';
import type { CaseFile } from '../../read-model/case-file';
import type { DeadlineMark } from '../deadline-marks';

export type ReasonLanguage = 'kk' | 'ru' | 'en';

/**
 * Why the case is due when it is, in the terms of escalation's deadline preview: the day the clock counts from,
 * the policy, the working days, the days off skipped, and what set it (routing, a transfer, an extension, a
 * reopening). Escalation computed the deadline; this only explains what deadline-assigned said.
 */
export interface DeadlineExplanation {
  dueAt: string;
  dueOn: CalendarDay;
  originalDueAt: string | null;
  extended: boolean;
  registeredOn: CalendarDay | null;
  cause: string | null;
  policy: string | null;
  /** Null for a policy written as a plain duration (a drill). */
  workingDays: number | null;
  skipped: Array<{ date: CalendarDay; reason: string }>;
  level: string | null;
  overdue: boolean;
  dueSoon: boolean;
}

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
