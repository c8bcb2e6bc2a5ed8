import {
  DEFAULT_VIEW,
  pageRangeOf,
  paramsOfView,
  queueQueryOf,
  searchProblemOf,
  searchQueryOf,
  viewFromParams,
  withFilters,
  withoutFilters,
  withSearch,
} from './queue-params';

describe('viewFromParams', () => {
  it('is the default view (open cases, soonest deadline first) for an empty address', () => {
    expect(viewFromParams(new URLSearchParams())).toEqual(DEFAULT_VIEW);
  });

  it('reads every filter, the sort, the page and the search', () => {
    const view = viewFromParams(
      new URLSearchParams(
        'status=in-work&level=regional-akimat&category=roads.repair&region=750000000&overdue=true&sort=received&order=desc&offset=50&q=%20жол%20',
      ),
    );
    expect(view).toEqual({
      status: 'in-work',
      level: 'regional-akimat',
      category: 'roads.repair',
      region: '750000000',
      overdueOnly: true,
      sort: 'received',
      order: 'desc',
      offset: 50,
      q: 'жол',
    });
  });

  it('falls back to the default for values the API would refuse outright', () => {
    const view = viewFromParams(
      new URLSearchParams('status=closed&sort=name&order=up&offset=-3&overdue=yes'),
    );
    expect(view).toEqual(DEFAULT_VIEW);
    expect(viewFromParams(new URLSearchParams('offset=2.5')).offset).toBe(0);
    expect(viewFromParams(new URLSearchParams('offset=99999')).offset).toBe(10_000);
  });
});

describe('paramsOfView', () => {
  it('writes only what differs from the default', () => {
    expect(paramsOfView(DEFAULT_VIEW).toString()).toBe('');
    expect(paramsOfView({ ...DEFAULT_VIEW, status: 'all', overdueOnly: true, offset: 25 }).toString()).toBe(
      'status=all&overdue=true&offset=25',
    );
  });

  it('round-trips through the address', () => {
    const view = {
      ...DEFAULT_VIEW,
      status: 'answered' as const,
      level: 'central-reception',
      category: 'roads.repair',
      region: '710000000',
      sort: 'updated' as const,
      order: 'desc' as const,
      offset: 75,
      q: 'су құбыры',
    };
    expect(viewFromParams(new URLSearchParams(paramsOfView(view).toString()))).toEqual(view);
  });
});

describe('changing the view', () => {
  const onPage3 = { ...DEFAULT_VIEW, offset: 50, q: 'жол' };

  it('goes back to the first page when a filter changes, keeping the search', () => {
    expect(withFilters(onPage3, { status: 'all' })).toEqual({ ...onPage3, status: 'all', offset: 0 });
  });

  it('starts a search on its first page and trims it; an empty one ends the search', () => {
    expect(withSearch(onPage3, '  дорога ')).toEqual({ ...onPage3, q: 'дорога', offset: 0 });
    expect(withSearch(onPage3, '').q).toBe('');
  });

  it('resets the filters but keeps the sort and the search', () => {
    const filtered = { ...onPage3, status: 'all' as const, region: '750000000', sort: 'received' as const };
    expect(withoutFilters(filtered)).toEqual({ ...DEFAULT_VIEW, sort: 'received', q: 'жол' });
  });
});

describe('the API queries', () => {
  it('asks the queue for open cases by deadline, 25 a page, by default', () => {
    expect(queueQueryOf(DEFAULT_VIEW)).toEqual({ status: 'open', sort: 'due', order: 'asc', limit: 25 });
  });

  it('passes every filter set, and overdue only as true', () => {
    expect(
      queueQueryOf({
        ...DEFAULT_VIEW,
        level: 'regional-akimat',
        category: 'roads.repair',
        region: '750000000',
        overdueOnly: true,
        offset: 25,
      }),
    ).toEqual({
      status: 'open',
      sort: 'due',
      order: 'asc',
      limit: 25,
      offset: 25,
      level: 'regional-akimat',
      category: 'roads.repair',
      region: '750000000',
      overdue: 'true',
    });
  });

  it('asks the search for the term and the page only', () => {
    expect(searchQueryOf({ ...DEFAULT_VIEW, q: 'жол', status: 'all', offset: 25 })).toEqual({
      q: 'жол',
      limit: 25,
      offset: 25,
    });
  });
});

describe('searchProblemOf', () => {
  it('needs a letter or a digit in any script', () => {
    expect(searchProblemOf('  ')).toBe('needsWord');
    expect(searchProblemOf('?! --')).toBe('needsWord');
    expect(searchProblemOf('әкімдік')).toBeUndefined();
    expect(searchProblemOf('KZ-2026')).toBeUndefined();
  });

  it('refuses more than 200 characters', () => {
    expect(searchProblemOf('a'.repeat(200))).toBeUndefined();
    expect(searchProblemOf('a'.repeat(201))).toBe('tooLong');
  });
});

describe('pageRangeOf', () => {
  const items = (count: number) => Array.from({ length: count }, (_, index) => index);

  it('numbers the first page and points to the next', () => {
    expect(pageRangeOf({ items: items(25), total: 73, offset: 0, limit: 25, nextOffset: 25 })).toEqual({
      from: 1,
      to: 25,
      total: 73,
      nextOffset: 25,
    });
  });

  it('numbers the last page and points back', () => {
    expect(pageRangeOf({ items: items(23), total: 73, offset: 50, limit: 25 })).toEqual({
      from: 51,
      to: 73,
      total: 73,
      previousOffset: 25,
    });
  });

  it('shows nothing for an empty list, and can step back from a page past the end', () => {
    expect(pageRangeOf({ items: [], total: 0, offset: 0, limit: 25 })).toEqual({ from: 0, to: 0, total: 0 });
    expect(pageRangeOf({ items: [], total: 3, offset: 50, limit: 25 })).toEqual({
      from: 0,
      to: 50,
      total: 3,
      previousOffset: 25,
    });
  });
});
