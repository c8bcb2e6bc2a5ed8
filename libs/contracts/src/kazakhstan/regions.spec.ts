import { findRegionByKato, IsKatoCode, isKatoCode, KZ_REGIONS } from './regions';
import { validatePayload } from '../validation';

describe('KZ_REGIONS', () => {
  it('has 17 oblasts and 3 cities of republican significance', () => {
    expect(KZ_REGIONS).toHaveLength(20);
    expect(KZ_REGIONS.filter((r) => r.kind === 'oblast')).toHaveLength(17);
    expect(KZ_REGIONS.filter((r) => r.kind === 'city').map((r) => r.name.en)).toEqual([
      'Astana',
      'Almaty',
      'Shymkent',
    ]);
  });

  it('has unique ids and КАТО prefixes, each the start of the region code', () => {
    expect(new Set(KZ_REGIONS.map((r) => r.id)).size).toBe(20);
    expect(new Set(KZ_REGIONS.map((r) => r.katoPrefix)).size).toBe(20);
    for (const region of KZ_REGIONS) {
      expect(region.katoCode).toMatch(/^\d{9}$/);
      expect(region.katoCode.startsWith(region.katoPrefix)).toBe(true);
    }
  });

  it('uses the Kazakh letters in Kazakh names', () => {
    expect(findRegionByKato('47')?.name.kk).toBe('Маңғыстау облысы');
    expect(findRegionByKato('62')?.name.kk).toBe('Ұлытау облысы');
    expect(findRegionByKato('59')?.name.kk).toBe('Солтүстік Қазақстан облысы');
    expect(KZ_REGIONS.every((r) => r.name.kk.length > 0 && r.name.ru.length > 0)).toBe(true);
  });
});

describe('findRegionByKato', () => {
  it.each([
    ['751110000', 'almaty'],
    ['710000000', 'astana'],
    ['790000000', 'shymkent'],
    ['100000000', 'abai'],
    ['331000000', 'zhetisu'],
    ['621000000', 'ulytau'],
    ['61', 'turkistan'],
  ])('finds the region of %s', (kato, id) => {
    expect(findRegionByKato(kato)?.id).toBe(id);
  });

  it.each(['510000000', '000000000', '7511', '75111000', '7511100000', 'abcdefghi', ''])(
    'finds nothing for %p',
    (kato) => {
      expect(findRegionByKato(kato)).toBeUndefined();
    },
  );
});

describe('@IsKatoCode', () => {
  class Place {
    @IsKatoCode()
    regionKato!: string;
  }

  it('accepts a 9-digit code of a known region', () => {
    expect(isKatoCode('751110000')).toBe(true);
    expect(validatePayload(Place, { regionKato: '751110000' })).toMatchObject({ ok: true });
  });

  it('rejects a code of an unknown region, naming the prefix', () => {
    expect(validatePayload(Place, { regionKato: '510000000' })).toEqual({
      ok: false,
      errors: [
        {
          field: 'regionKato',
          reason: "regionKato must start with a known region's КАТО prefix (51 is not one)",
          code: 'katoRegion',
          params: { prefix: '51' },
        },
      ],
    });
  });

  it.each(['75111000', 751110000, null])('rejects %p as not a 9-digit code', (regionKato) => {
    expect(validatePayload(Place, { regionKato })).toEqual({
      ok: false,
      errors: [
        { field: 'regionKato', reason: 'regionKato must be a КАТО code of 9 digits', code: 'katoFormat' },
      ],
    });
  });
});
