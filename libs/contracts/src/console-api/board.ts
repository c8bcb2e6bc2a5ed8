/** `GET /api/v1/board`: the central reception's board of escalated cases. Pure types. */
import type { CaseSummary, Page } from './cases';

/** A region's name in Kazakh, Russian and English. */
export interface RegionNames {
  kk: string;
  ru: string;
  en: string;
}

/** One region's escalated cases not yet resolved: how many, how many overdue, how many under control. */
export interface RegionOnBoard {
  regionKato: string;
  /** Absent for a code outside the 20 regions. */
  name?: RegionNames;
  escalated: number;
  overdue: number;
  underControl: number;
}

export interface Board {
  /** Most escalated first. */
  regions: RegionOnBoard[];
  /** Longest escalated first. */
  cases: Page<CaseSummary>;
}
