import { weekStarts } from './weeks';

describe('weekStarts', () => {
  it('gives the Mondays of the last weeks in Kazakhstan, the current week last', () => {
    // Sunday 8 March 2026, 20:00 UTC is already Monday 9 March in Kazakhstan (UTC+5).
    expect(weekStarts(new Date('2026-03-08T20:00:00Z'), 3)).toEqual([
      '2026-02-23',
      '2026-03-02',
      '2026-03-09',
    ]);
    expect(weekStarts(new Date('2026-03-08T12:00:00Z'), 1)).toEqual(['2026-03-02']);
  });
});
