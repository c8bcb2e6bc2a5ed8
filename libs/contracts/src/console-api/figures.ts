/** `GET /api/v1/figures?weeks=`: per-region figures for the dashboard, week by week. Pure types. */
import type { RegionNames } from './board';

export interface WeekFigures {
  /** `YYYY-MM-DD`: the Monday that starts the week, in Kazakhstan. */
  week: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  escalated: number;
}

export interface RegionFigures {
  regionKato: string;
  /** Absent for a code outside the 20 regions. */
  name?: RegionNames;
  /** Over the period: received, answered (and of those on time), escalated. */
  received: number;
  answered: number;
  answeredOnTime: number;
  /** answeredOnTime / answered, in percent with one decimal; null when nothing was answered. */
  answeredOnTimePercent: number | null;
  escalated: number;
  /** Now, whatever the period: still owed an answer and past the deadline. */
  overdueNow: number;
  /** One entry per week of the period, oldest first. */
  weeks: WeekFigures[];
}

export interface Figures {
  /** The instant the period starts (Monday 00:00 in Kazakhstan). */
  since: string;
  weeks: number;
  /** Only regions with something to count, by КАТО code. */
  regions: RegionFigures[];
}
