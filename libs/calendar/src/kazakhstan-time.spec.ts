import { endOfKazakhstanDay, kazakhstanDay, startOfKazakhstanDay } from './kazakhstan-time';

describe('Kazakhstan time (UTC+5)', () => {
  it('takes the day in UTC+5', () => {
    expect(kazakhstanDay(new Date('2026-03-20T18:59:59.999Z'))).toBe('2026-03-20');
    expect(kazakhstanDay(new Date('2026-03-20T19:00:00.000Z'))).toBe('2026-03-21');
  });

  it('starts and ends a day in UTC+5', () => {
    expect(startOfKazakhstanDay('2026-03-21').toISOString()).toBe('2026-03-20T19:00:00.000Z');
    expect(endOfKazakhstanDay('2026-03-21').toISOString()).toBe('2026-03-21T18:59:59.999Z');
  });

  it('rejects an invalid instant or day', () => {
    expect(() => kazakhstanDay(new Date(NaN))).toThrow(RangeError);
    expect(() => startOfKazakhstanDay('2026-02-29')).toThrow(RangeError);
  });
});
