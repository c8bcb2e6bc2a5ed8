import { matchesEtag } from './acting-case';

describe('matchesEtag (If-Match)', () => {
  it('matches the current version, alone or in a list', () => {
    expect(matchesEtag('"7"', 7)).toBe(true);
    expect(matchesEtag('"5", "7"', 7)).toBe(true);
    expect(matchesEtag('"6"', 7)).toBe(false);
  });

  it('matches any current version with *', () => {
    expect(matchesEtag('*', 1)).toBe(true);
    expect(matchesEtag(' * ', 42)).toBe(true);
  });

  it('never matches a weak tag: If-Match compares strongly', () => {
    expect(matchesEtag('W/"7"', 7)).toBe(false);
    expect(matchesEtag('W/"7", "8"', 7)).toBe(false);
  });
});
