import { kazakhstanDay, OutsideCalendarError, WorkingCalendar } from '@app/calendar';
import { countFromEnv } from '@app/service-kit';
import { Injectable } from '@nestjs/common';
import { CaseStatus } from '../case-status';
import type { CaseFile } from '../read-model/case-file';

/** Statuses in which someone still owes the citizen an answer: only these can be overdue or due soon. */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  CaseStatus.registered,
  CaseStatus.new,
  CaseStatus.inWork,
  CaseStatus.transferPending,
];

export interface DeadlineMark {
  overdue: boolean;
  /** Not overdue, and due within the next few working days (CONSOLE_DUE_SOON_WORKING_DAYS, default 3). */
  dueSoon: boolean;
}

/** Marks a case overdue or due soon on Kazakhstan's working-day calendar, as the queue and the case page show it. */
@Injectable()
export class DeadlineMarks {
  readonly dueSoonWorkingDays = countFromEnv('CONSOLE_DUE_SOON_WORKING_DAYS', 3, 0);

  constructor(private readonly calendar: WorkingCalendar) {}

  of(file: Pick<CaseFile, 'status' | 'dueAt'>, now: Date): DeadlineMark {
    if (file.dueAt === null || !OPEN_STATUSES.includes(file.status))
      return { overdue: false, dueSoon: false };
    const due = new Date(file.dueAt);
    if (due.getTime() < now.getTime()) return { overdue: true, dueSoon: false };
    return { overdue: false, dueSoon: this.workingDaysLeft(now, due) <= this.dueSoonWorkingDays };
  }

  /** Working days from today to the due day; a deadline the calendar does not reach yet is far away. */
  private workingDaysLeft(now: Date, due: Date): number {
    try {
      return this.calendar.workingDaysBetween(kazakhstanDay(now), kazakhstanDay(due));
    } catch (error) {
      if (error instanceof OutsideCalendarError) return Number.POSITIVE_INFINITY;
      throw error;
    }
  }
}
