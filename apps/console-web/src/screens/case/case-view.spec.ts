import { dayInstant, deadlineStateOf, safeHref, sizePhrase, skippedDays } from './case-view';

describe('case-view', () => {
  it('writes sizes in bytes, kilobytes and megabytes, in the language’s number format', () => {
    expect(sizePhrase(512, 'en')).toEqual({ key: 'size.bytes', values: { value: '512' } });
    expect(sizePhrase(245760, 'en')).toEqual({ key: 'size.kb', values: { value: '240' } });
    expect(sizePhrase(1572864, 'en')).toEqual({ key: 'size.mb', values: { value: '1.5' } });
    expect(sizePhrase(1572864, 'ru').values?.value).toMatch(/^1,5$/);
  });

  it('links only web addresses', () => {
    expect(safeHref('https://files.example.kz/a.jpg')).toBe('https://files.example.kz/a.jpg');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('http://10.0.0.5/a.jpg')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref('')).toBeNull();
  });

  it('marks the deadline overdue, due soon, on time, or not at all', () => {
    const base = { dueAt: '2026-12-23T18:59:59.999Z', overdue: false, dueSoon: false, status: 'new' };
    expect(deadlineStateOf({ ...base, overdue: true })).toBe('overdue');
    expect(deadlineStateOf({ ...base, dueSoon: true })).toBe('due-soon');
    expect(deadlineStateOf(base)).toBe('on-time');
    expect(deadlineStateOf({ ...base, status: 'answered' })).toBeNull();
    expect(deadlineStateOf({ ...base, dueAt: null })).toBeNull();
  });

  it('lists days off in date order, and places a day at its noon in Kazakhstan', () => {
    expect(
      skippedDays({
        skipped: [
          { date: '2026-12-16', reason: 'Independence Day' },
          { date: '2026-12-05', reason: 'Saturday' },
        ],
      }).map((day) => day.date),
    ).toEqual(['2026-12-05', '2026-12-16']);
    expect(dayInstant('2026-12-01')).toBe('2026-12-01T12:00:00+05:00');
  });
});
