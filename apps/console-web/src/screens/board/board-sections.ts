/** One region's part of the board: its counts (over all its escalated cases) and the cases loaded so far. */
export interface BoardSection {
  regionKato: string;
  escalated: number;
  overdue: number;
  underControl: number;
  cases: CaseSummary[];
}

/**
 * The board by region, in the API's order (most escalated first). A case is filed under the region whose
 * scope holds it (`scopeRegionKato`), as the API counts it; a case of a region the counts do not name (a
 * case escalated between the two reads) gets a section of its own, counted from the cases themselves.
 */
export function boardSections(board: Board): BoardSection[] {
  const sections = new Map<string, BoardSection>(
    board.regions.map((region) => [region.regionKato, sectionOf(region)]),
  );
  for (const item of board.cases.items) {
    let section = sections.get(item.scopeRegionKato);
    if (!section) {
      section = { regionKato: item.scopeRegionKato, escalated: 0, overdue: 0, underControl: 0, cases: [] };
      sections.set(item.scopeRegionKato, section);
    }
    section.cases.push(item);
  }
  for (const section of sections.values()) {
    // Counted from the list only when the API's counts do not know the region (or lag behind it).
    section.escalated = Math.max(section.escalated, section.cases.length);
    section.overdue = Math.max(section.overdue, section.cases.filter((item) => item.overdue).length);
    section.underControl = Math.max(
      section.underControl,
      section.cases.filter((item) => item.underControl).length,
    );
  }
  return [...sections.values()];
}

function sectionOf(region: RegionOnBoard): BoardSection {
  return {
    regionKato: region.regionKato,
    escalated: region.escalated,
    overdue: region.overdue,
    underControl: region.underControl,
    cases: [],
  };
}

/** The board's pages read one after another as one board: the counts of the latest, every page's cases. */
export function mergePages(pages: Board[]): Board {
  const last = pages[pages.length - 1];
  if (!last) return { regions: [], cases: { items: [], total: 0, limit: 0, offset: 0 } };
  const seen = new Set<string>();
  const items = pages
    .flatMap((page) => page.cases.items)
    .filter((item) => !seen.has(item.appealId) && seen.add(item.appealId));
  const cases: Page<CaseSummary> = {
    items,
    total: last.cases.total,
    limit: items.length,
    offset: 0,
    ...(last.cases.nextOffset !== undefined && { nextOffset: last.cases.nextOffset }),
  };
  return { regions: last.regions, cases };
}

/** The board's totals over every region. */
export function boardTotals(
  regions: readonly { escalated: number; overdue: number; underControl: number }[],
) {
  return regions.reduce(
    (sum, region) => ({
      escalated: sum.escalated + region.escalated,
      overdue: sum.overdue + region.overdue,
      underControl: sum.underControl + region.underControl,
    }),
    { escalated: 0, overdue: 0, underControl: 0 },
  );
}

export type DeadlineMark = 'overdue' | 'due-soon' | null;

export function deadlineMark(item: Pick<CaseSummary, 'overdue' | 'dueSoon'>): DeadlineMark {
  if (item.overdue) return 'overdue';
  return item.dueSoon ? 'due-soon' : null;
}
import type { Board, RegionOnBoard } from '@app/contracts/console-api/board';
import type { CaseSummary, Page } from '@app/contracts/console-api/cases';
