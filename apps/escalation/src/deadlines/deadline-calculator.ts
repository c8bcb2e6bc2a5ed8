import {
  endOfKazakhstanDay,
  kazakhstanDay,
  startOfKazakhstanDay,
  type CalendarDay,
  type WorkingCalendar,
} from '@app/calendar';
import { DateTime, type Duration } from 'luxon';
import type { DeadlinePolicy } from '../policies/deadline-policy';
import { describeSpan, type Span } from '../policies/span';
import { KAZAKHSTAN_ZONE } from './kazakhstan-zone';

export interface WarningPoint {
  at: Date;
  /** The span before the deadline, as the policy writes it: `3 working days`, `PT2S`. */
  before: string;
  /** Working days left including the warning's own day (1: the deadline is that day), for working-day policies. */
  workingDaysLeft?: number;
}

export interface LevelDeadline {
  /** The day the count starts from: receipt at the body, or the next working day (АППК art. 76). */
  registeredOn: CalendarDay;
  dueOn: CalendarDay;
  dueAt: Date;
  /** Ascending by moment; none before the clock started. */
  warnings: WarningPoint[];
  /** The policy's figure when it is in working days. */
  workingDays?: number;
}

/**
 * The one place a deadline is computed, for real clocks and for the preview alike. Working-day spans count
 * on Kazakhstan's calendar: an appeal received on a day off is registered on the next working day, and the
 * deadline is the end (23:59:59.999 UTC+5) of the n-th working day after the registration day. Durations
 * (drills) run from the moment itself.
 */
export class DeadlineCalculator {
  constructor(private readonly calendar: WorkingCalendar) {}

  compute(startedAt: Date, policy: DeadlinePolicy): LevelDeadline {
    if ('workingDays' in policy.due) {
      const registeredOn = this.calendar.workingDayOnOrAfter(kazakhstanDay(startedAt));
      const dueOn = this.calendar.addWorkingDays(registeredOn, policy.due.workingDays);
      const dueAt = endOfKazakhstanDay(dueOn);
      return {
        registeredOn,
        dueOn,
        dueAt,
        warnings: this.warnings(startedAt, dueAt, policy),
        workingDays: policy.due.workingDays,
      };
    }
    const dueAt = plus(startedAt, policy.due.duration);
    return {
      registeredOn: kazakhstanDay(startedAt),
      dueOn: kazakhstanDay(dueAt),
      dueAt,
      warnings: this.warnings(startedAt, dueAt, policy),
    };
  }

  /**
   * The warning points of a deadline, also of one moved by an extension. A working-day point "k before"
   * fires at the start of the k-th last working day, when k working days remain. A point that would fall
   * before the clock started fires when it starts; points falling on the same moment fire once.
   */
  warnings(startedAt: Date, dueAt: Date, policy: DeadlinePolicy): WarningPoint[] {
    const dueOn = kazakhstanDay(dueAt);
    const points = policy.warnBefore.map((span): WarningPoint => {
      if ('workingDays' in span) {
        const day = this.calendar.addWorkingDays(dueOn, -Math.max(0, span.workingDays - 1));
        const at = span.workingDays === 0 ? dueAt : startOfKazakhstanDay(day);
        return { at, before: describeSpan(span), workingDaysLeft: span.workingDays };
      }
      return { at: minus(dueAt, span.duration), before: describeSpan(span) };
    });
    const byMoment = new Map<number, WarningPoint>();
    for (const point of points) {
      const at = point.at < startedAt ? startedAt : point.at;
      const moment = Math.min(at.getTime(), dueAt.getTime());
      const kept = byMoment.get(moment);
      // Of two points on one moment the nearer one to the deadline says more: keep it.
      if (!kept || (point.workingDaysLeft ?? 0) < (kept.workingDaysLeft ?? 0))
        byMoment.set(moment, { ...point, at: new Date(moment) });
    }
    return [...byMoment.values()].sort((a, b) => a.at.getTime() - b.at.getTime());
  }

  /** The moment a span after `from` ends: end of the n-th working day after registration, or from + duration. */
  after(from: Date, span: Span): Date {
    return this.compute(from, { due: span, warnBefore: [] }).dueAt;
  }

  /** A span counted from a deadline (not from a receipt): the n-th working day after its day, or + duration. */
  beyond(deadline: Date, span: Span): Date {
    if ('workingDays' in span)
      return endOfKazakhstanDay(this.calendar.addWorkingDays(kazakhstanDay(deadline), span.workingDays));
    return plus(deadline, span.duration);
  }
}

/** Calendar arithmetic in Kazakhstan's zone: two months after 31 March is 31 May, after 31 December 28/29 Feb. */
function plus(moment: Date, duration: Duration): Date {
  return DateTime.fromJSDate(moment, { zone: KAZAKHSTAN_ZONE }).plus(duration).toJSDate();
}

function minus(moment: Date, duration: Duration): Date {
  return DateTime.fromJSDate(moment, { zone: KAZAKHSTAN_ZONE }).minus(duration).toJSDate();
}
