/** `GET /api/v1/board` (apps/console/src/cases/queries/board/escalation-board.ts). */

/** Region names as the API sends them; the UI names regions with `regionName` instead. */
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

/** A case in a list (apps/console/src/cases/queries/case-summary.ts): the fields the board shows. */
export interface BoardCase {
  appealId: string;
  trackingNumber: string;
  status: string;
  level: string | null;
  category: string;
  regionKato: string;
  scopeRegionKato: string;
  subject: string;
  organizationName: string | null;
  receivedAt: string;
  dueAt: string | null;
  overdue: boolean;
  dueSoon: boolean;
  escalationCount: number;
  escalatedAt: string | null;
  underControl: boolean;
  version: number;
}

export interface BoardPage {
  items: BoardCase[];
  total: number;
  limit: number;
  offset: number;
  /** Absent on the last page. */
  nextOffset?: number;
}

export interface Board {
  /** Most escalated first. */
  regions: RegionOnBoard[];
  /** Longest escalated first. */
  cases: BoardPage;
}
