import { KAZAKHSTAN_OFFSET_MINUTES } from '@app/calendar';
import { DateTime, FixedOffsetZone } from 'luxon';

/** Kazakhstan's one zone for luxon's calendar arithmetic (months, durations) and for showing moments. */
export const KAZAKHSTAN_ZONE = FixedOffsetZone.instance(KAZAKHSTAN_OFFSET_MINUTES);

/** A moment as people there read it: `2026-04-15T23:59:59.999+05:00`. */
export function inKazakhstan(moment: Date): string {
  return DateTime.fromJSDate(moment, { zone: KAZAKHSTAN_ZONE }).toISO() ?? moment.toISOString();
}
