import {
  FIRST_YEAR,
  kazakhstanDay,
  LAST_YEAR,
  OutsideCalendarError,
  WorkingCalendar,
  type CalendarDay,
} from '@app/calendar';
import { invalidRequest } from '@app/service-kit';
import type { AppealLanguage } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DeadlineCalculator, type LevelDeadline } from '../deadlines/deadline-calculator';
import { inKazakhstan } from '../deadlines/kazakhstan-zone';
import type { DeadlinePolicy } from '../policies/deadline-policy';
import { PolicyBook } from '../policies/policy-book';
import { describeSpan } from '../policies/span';
import type { PreviewRequest } from './deadline-preview.query';

export interface DeadlinePreviewResponse {
  registeredOn: CalendarDay;
  dueOn: CalendarDay;
  dueAt: string;
  /** Null when the policy is a plain duration (a drill). */
  workingDays: number | null;
  policy: string;
  skipped: Array<{ date: CalendarDay; reason: string }>;
  warnings: Array<{ at: string; before: string }>;
}

/** What a deadline would be, computed by the same calculator and policies as the real clocks. */
@Injectable()
export class DeadlinePreview {
  private readonly calculator: DeadlineCalculator;

  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly policies: PolicyBook,
  ) {
    this.calculator = new DeadlineCalculator(calendar);
  }

  async preview(request: PreviewRequest): Promise<DeadlinePreviewResponse> {
    const policy =
      'kind' in request
        ? await this.policies.policyFor(undefined, request.kind)
        : { due: { workingDays: request.workingDays }, warnBefore: [] };
    const deadline = this.computeWithin(request, policy);
    return {
      registeredOn: deadline.registeredOn,
      dueOn: deadline.dueOn,
      dueAt: inKazakhstan(deadline.dueAt),
      workingDays: deadline.workingDays ?? null,
      policy: describeSpan(policy.due),
      skipped: this.skipped(kazakhstanDay(request.receivedAt), deadline.dueOn, request.lang),
      warnings: deadline.warnings.map((point) => ({ at: inKazakhstan(point.at), before: point.before })),
    };
  }

  /** A deadline that would fall beyond the calendar's last year is the query's fault: a 400, not a 500. */
  private computeWithin(request: PreviewRequest, policy: DeadlinePolicy): LevelDeadline {
    try {
      return this.calculator.compute(request.receivedAt, policy);
    } catch (error) {
      if (!(error instanceof OutsideCalendarError)) throw error;
      const field = 'workingDays' in request ? 'workingDays' : 'receivedAt';
      throw invalidRequest(400, 'invalid-query', [
        {
          field,
          reason: `the deadline would fall in ${error.year}, outside the calendar's years ${FIRST_YEAR}–${LAST_YEAR}`,
          code: 'deadlineOutsideCalendar',
          params: { year: error.year, min: FIRST_YEAR, max: LAST_YEAR },
        },
      ]);
    }
  }

  private skipped(
    from: CalendarDay,
    to: CalendarDay,
    lang: AppealLanguage,
  ): DeadlinePreviewResponse['skipped'] {
    return this.calendar
      .nonWorkingDaysBetween(from, to)
      .map(({ date, reason }) => ({ date, reason: reason.text[lang] }));
  }
}
