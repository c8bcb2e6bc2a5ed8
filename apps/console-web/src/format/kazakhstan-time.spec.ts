import {
  endOfKazakhstanDay,
  formatDate,
  formatDateTime,
  formatDayMonth,
  kazakhstanDateOf,
} from './kazakhstan-time';

describe('Kazakhstan time in the UI', () => {
  it('shows an instant in UTC+5 whatever the zone of the machine', () => {
    // 19:30 UTC is already half past midnight of the next day in Kazakhstan.
    expect(formatDateTime('2026-11-30T19:30:00Z', 'en')).toMatch(/1 Dec 2026.*00:30/);
    expect(formatDateTime('2026-11-30T19:30:00Z', 'ru')).toMatch(/1 дек\.? 2026.*00:30/);
  });

  it('takes the date of a deadline in Kazakhstan, not in UTC', () => {
    expect(kazakhstanDateOf('2026-11-30T19:30:00Z')).toBe('2026-12-01');
    expect(kazakhstanDateOf('2026-11-30T18:59:59Z')).toBe('2026-11-30');
  });

  it('makes a chosen date a deadline at the end of that day in Kazakhstan', () => {
    expect(endOfKazakhstanDay('2026-12-15')).toBe('2026-12-15T18:59:59.000Z');
    expect(kazakhstanDateOf(endOfKazakhstanDay('2026-12-15'))).toBe('2026-12-15');
  });

  it('writes Kazakh dates with Kazakh month names, which browsers lack', () => {
    expect(formatDateTime('2026-03-09T19:30:00Z', 'kk')).toBe('10 наурыз 2026 ж., 00:30');
    expect(formatDate('2026-12-31T12:00:00Z', 'kk')).toBe('31 желтоқсан 2026 ж.');
    expect(formatDayMonth('2026-11-29T19:00:00Z', 'kk')).toBe('30 қараша');
  });

  it('shows a dash for a missing date', () => {
    expect(formatDateTime(null, 'kk')).toBe('—');
  });
});
