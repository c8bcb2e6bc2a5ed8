import { badgeClassOf, deadlineMarkOf, rowClassOf } from './deadline-mark';

const now = new Date('2026-11-30T10:00:00Z');
const row = (change: Partial<Parameters<typeof deadlineMarkOf>[0]>) => ({
  status: 'in-work',
  dueAt: '2026-12-20T18:59:59Z',
  overdue: false,
  dueSoon: false,
  ...change,
});

describe('deadlineMarkOf', () => {
  it('follows the server’s marks', () => {
    expect(deadlineMarkOf(row({ overdue: true }), now)).toBe('overdue');
    expect(deadlineMarkOf(row({ dueSoon: true }), now)).toBe('due-soon');
    expect(deadlineMarkOf(row({}), now)).toBe('none');
  });

  it('marks an open case overdue once its deadline has passed while the list was open', () => {
    expect(deadlineMarkOf(row({ dueAt: '2026-11-30T09:59:00Z', dueSoon: true }), now)).toBe('overdue');
  });

  it('never marks a case that is answered or has no deadline', () => {
    expect(deadlineMarkOf(row({ status: 'answered', dueAt: '2026-11-01T00:00:00Z' }), now)).toBe('none');
    expect(deadlineMarkOf(row({ dueAt: null }), now)).toBe('none');
  });
});

describe('the classes of a mark', () => {
  it('gives the row and badge classes of styles.css', () => {
    expect(rowClassOf('overdue')).toBe('row--overdue');
    expect(rowClassOf('due-soon')).toBe('row--due-soon');
    expect(rowClassOf('none')).toBeUndefined();
    expect(badgeClassOf('overdue')).toBe('badge badge--overdue');
    expect(badgeClassOf('due-soon')).toBe('badge badge--due-soon');
  });
});
