import type { Board } from '@app/contracts/console-api/board';
import type { CaseSummary } from '@app/contracts/console-api/cases';
import { boardSections, boardTotals, deadlineMark, mergePages } from './board-sections';

const ALMATY = '750000000';
const ASTANA = '710000000';

function item(appealId: string, scopeRegionKato: string, extra: Partial<CaseSummary> = {}): CaseSummary {
  return {
    appealId,
    trackingNumber: `KZ-2026-${appealId}`,
    status: 'new',
    level: 'central-reception',
    kind: 'complaint',
    category: 'roads.repair',
    regionKato: scopeRegionKato,
    scopeRegionKato,
    language: 'kk',
    subject: 'Жолды жөндеу',
    organizationId: null,
    organizationName: null,
    responsibleOrganizationId: null,
    receivedAt: '2026-11-30T10:00:00.000Z',
    heldSince: null,
    dueAt: '2026-12-20T18:59:59.000Z',
    overdue: false,
    dueSoon: false,
    escalationCount: 1,
    escalatedAt: '2026-11-30T11:00:00.000Z',
    underControl: false,
    version: 4,
    updatedAt: '2026-11-30T11:00:00.000Z',
    ...extra,
  };
}

function board(items: CaseSummary[], nextOffset?: number): Board {
  return {
    regions: [
      { regionKato: ASTANA, escalated: 2, overdue: 1, underControl: 0 },
      { regionKato: ALMATY, escalated: 1, overdue: 0, underControl: 1 },
    ],
    cases: { items, total: 3, limit: 100, offset: 0, ...(nextOffset !== undefined && { nextOffset }) },
  };
}

describe('boardSections', () => {
  it('files the cases under their scope region, in the order of the counts (most escalated first)', () => {
    const sections = boardSections(
      board([
        item('a', ALMATY, { underControl: true }),
        item('b', ASTANA, { overdue: true }),
        item('c', ASTANA),
      ]),
    );
    expect(sections.map((section) => [section.regionKato, section.cases.map((c) => c.appealId)])).toEqual([
      [ASTANA, ['b', 'c']],
      [ALMATY, ['a']],
    ]);
    expect(sections[0]).toMatchObject({ escalated: 2, overdue: 1, underControl: 0 });
  });

  it('keeps the counts of cases not loaded yet, and gives a region the counts miss a section of its own', () => {
    const sections = boardSections(board([item('b', ASTANA), item('z', '790000000', { overdue: true })]));
    expect(sections.map((section) => section.regionKato)).toEqual([ASTANA, ALMATY, '790000000']);
    expect(sections[0]).toMatchObject({ escalated: 2, cases: [expect.objectContaining({ appealId: 'b' })] });
    expect(sections[1].cases).toEqual([]);
    expect(sections[2]).toMatchObject({ escalated: 1, overdue: 1, underControl: 0 });
  });

  it('is empty for an empty board', () => {
    expect(boardSections({ regions: [], cases: { items: [], total: 0, limit: 50, offset: 0 } })).toEqual([]);
  });
});

describe('mergePages', () => {
  it('joins the pages, drops a case seen twice (the list moved between reads), keeps the last counts', () => {
    const first = board([item('a', ALMATY), item('b', ASTANA)], 2);
    const second = { ...board([item('b', ASTANA), item('c', ASTANA)]), regions: [] };
    const merged = mergePages([first, second]);
    expect(merged.cases.items.map((c) => c.appealId)).toEqual(['a', 'b', 'c']);
    expect(merged.cases.nextOffset).toBeUndefined();
    expect(merged.regions).toEqual([]);
    expect(mergePages([first]).cases.nextOffset).toBe(2);
  });

  it('is an empty board of no pages', () => {
    expect(mergePages([]).cases.items).toEqual([]);
  });
});

describe('boardTotals and deadlineMark', () => {
  it('adds the regions up', () => {
    expect(boardTotals(board([]).regions)).toEqual({ escalated: 3, overdue: 1, underControl: 1 });
  });

  it('marks overdue before due soon', () => {
    expect(deadlineMark({ overdue: true, dueSoon: false })).toBe('overdue');
    expect(deadlineMark({ overdue: false, dueSoon: true })).toBe('due-soon');
    expect(deadlineMark({ overdue: false, dueSoon: false })).toBeNull();
  });
});
