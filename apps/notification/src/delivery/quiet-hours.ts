import { DateTime } from 'luxon';

/** Kazakhstan's single time zone since 1 March 2024. */
const KAZAKHSTAN = 'UTC+5';
const WINDOW = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * The hours in which SMS are not sent (people sleep), in Kazakhstan time. A message due inside them waits for
 * their end; it is deferred, never dropped. A window may span midnight (22:00-08:00).
 */
export class QuietHours {
  private constructor(
    private readonly startMinute: number,
    private readonly endMinute: number,
  ) {}

  /** `22:00-08:00`; `off` (or an empty window) sends at any hour. */
  static parse(window: string): QuietHours | undefined {
    const trimmed = window.trim();
    if (trimmed === 'off') return undefined;
    const match = WINDOW.exec(trimmed);
    if (!match)
      throw new Error(`NOTIFICATION_SMS_QUIET_HOURS must look like 22:00-08:00 or be off, got "${window}"`);
    const [start, end] = [Number(match[1]) * 60 + Number(match[2]), Number(match[3]) * 60 + Number(match[4])];
    return start === end ? undefined : new QuietHours(start, end);
  }

  isQuiet(at: Date): boolean {
    const local = DateTime.fromJSDate(at, { zone: KAZAKHSTAN });
    const minute = local.hour * 60 + local.minute;
    return this.startMinute < this.endMinute
      ? minute >= this.startMinute && minute < this.endMinute
      : minute >= this.startMinute || minute < this.endMinute;
  }

  /** `at` itself outside the window, else the moment the window ends. */
  nextAllowed(at: Date): Date {
    if (!this.isQuiet(at)) return at;
    const local = DateTime.fromJSDate(at, { zone: KAZAKHSTAN });
    let end = local.startOf('day').plus({ minutes: this.endMinute });
    if (end <= local) end = end.plus({ days: 1 });
    return end.toJSDate();
  }
}
