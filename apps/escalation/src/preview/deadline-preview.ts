import { kazakhstanDay, WorkingCalendar, type CalendarDay } from '@app/calendar';
import type { AppealLanguage } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { DateTime, FixedOffsetZone } from 'luxon';
import { DeadlineCalculator } from '../deadlines/deadline-calculator';
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

const KAZAKHSTAN = FixedOffsetZone.instance(5 * 60);

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
    const deadline = this.calculator.compute(request.receivedAt, policy);
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

function inKazakhstan(moment: Date): string {
  return DateTime.fromJSDate(moment, { zone: KAZAKHSTAN }).toISO() ?? moment.toISOString();
}
