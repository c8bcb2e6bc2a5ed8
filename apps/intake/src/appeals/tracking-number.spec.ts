import { TRACKING_NUMBER_PATTERN } from '@app/contracts';
import { newTrackingNumber } from './tracking-number';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MID_2026 = new Date('2026-06-15T12:00:00Z');

/** A random source that hands out the given indexes in turn and records the bound it was asked for. */
function scripted(...indexes: number[]): { random: (max: number) => number; bounds: number[] } {
  const bounds: number[] = [];
  let next = 0;
  return {
    bounds,
    random: (max: number) => {
      bounds.push(max);
      return indexes[next++ % indexes.length];
    },
  };
}

describe('newTrackingNumber', () => {
  it('reads like KZ-<year>-XXXX-XXXX and matches TRACKING_NUMBER_PATTERN', () => {
    const number = newTrackingNumber(MID_2026);
    expect(number).toMatch(/^KZ-2026-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(number).toMatch(TRACKING_NUMBER_PATTERN);
  });

  it('is deterministic for an injected random source', () => {
    const { random, bounds } = scripted(0, 1, 2, 3, 4, 5, 6, 7);
    expect(newTrackingNumber(MID_2026, random)).toBe('KZ-2026-0123-4567');
    expect(bounds).toEqual(Array(8).fill(32));
  });

  it("uses Crockford's base32: after H come J, K, M, N, P, ... (no I, L, O or U)", () => {
    const { random } = scripted(17, 18, 19, 20, 21, 22, 27, 31);
    expect(newTrackingNumber(MID_2026, random)).toBe('KZ-2026-HJKM-NPVZ');
  });

  it('can produce every Crockford character and nothing else', () => {
    const seen = new Set<string>();
    for (let offset = 0; offset < 32; offset += 8) {
      const { random } = scripted(...Array.from({ length: 8 }, (_, i) => offset + i));
      const number = newTrackingNumber(MID_2026, random);
      expect(number).toMatch(TRACKING_NUMBER_PATTERN);
      for (const char of number.slice(8).replace('-', '')) seen.add(char);
    }
    expect([...seen].sort().join('')).toBe(CROCKFORD);
    for (const letter of ['I', 'L', 'O', 'U']) expect(seen.has(letter)).toBe(false);
  });

  it('takes the year from the given date', () => {
    expect(newTrackingNumber(new Date('2025-03-01T09:30:00Z'))).toMatch(/^KZ-2025-/);
    expect(newTrackingNumber(new Date('2031-11-20T09:30:00Z'))).toMatch(/^KZ-2031-/);
  });

  it('takes the year in Kazakhstan (UTC+5), not in UTC', () => {
    // 00:30 on 1 January 2027 in Astana
    expect(newTrackingNumber(new Date('2026-12-31T19:30:00Z'))).toMatch(/^KZ-2027-/);
    // 23:59 on 31 December 2026 in Astana
    expect(newTrackingNumber(new Date('2026-12-31T18:59:59Z'))).toMatch(/^KZ-2026-/);
  });

  it('gives different numbers with the real random source', () => {
    const numbers = new Set(Array.from({ length: 200 }, () => newTrackingNumber(MID_2026)));
    expect(numbers.size).toBe(200);
    for (const number of numbers) expect(number).toMatch(TRACKING_NUMBER_PATTERN);
  });
});

describe('TRACKING_NUMBER_PATTERN', () => {
  it.each(['KZ-2026-7K3M-9Q2X', 'KZ-2025-0000-ZZZZ'])('accepts %s', (number) => {
    expect(number).toMatch(TRACKING_NUMBER_PATTERN);
  });

  it.each([
    ['lower case', 'kz-2026-7k3m-9q2x'],
    ['an I', 'KZ-2026-7K3I-9Q2X'],
    ['an L', 'KZ-2026-7K3L-9Q2X'],
    ['an O', 'KZ-2026-7K3O-9Q2X'],
    ['a U', 'KZ-2026-7K3U-9Q2X'],
    ['a short group', 'KZ-2026-7K3-9Q2X'],
    ['a two-digit year', 'KZ-26-7K3M-9Q2X'],
    ['another prefix', 'RU-2026-7K3M-9Q2X'],
    ['trailing text', 'KZ-2026-7K3M-9Q2X-1'],
  ])('rejects a number with %s', (_what, number) => {
    expect(number).not.toMatch(TRACKING_NUMBER_PATTERN);
  });
});
