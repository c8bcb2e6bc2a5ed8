/**
 * The 20 first-level units of Kazakhstan: 17 oblasts and 3 cities of republican significance, each
 * with its own akimat. КАТО (classifier of administrative-territorial objects) codes are 9 digits
 * whose first two identify the region; the prefixes below follow the classifier as amended in 2022
 * (Abai, Zhetisu and Ulytau regions created; Turkistan 61 replaced South Kazakhstan 51 in 2018).
 */
export type RegionKind = 'oblast' | 'city';

export interface KzRegion {
  /** Stable slug for configuration and URLs. */
  readonly id: string;
  /** The two-digit КАТО prefix shared by every place in the region. */
  readonly katoPrefix: string;
  /** The region's own 9-digit КАТО code (prefix followed by seven zeros). */
  readonly katoCode: string;
  readonly kind: RegionKind;
  readonly name: { readonly kk: string; readonly ru: string; readonly en: string };
}

function region(
  id: string,
  katoPrefix: string,
  kind: RegionKind,
  kk: string,
  ru: string,
  en: string,
): KzRegion {
  return Object.freeze({
    id,
    katoPrefix,
    katoCode: `${katoPrefix}0000000`,
    kind,
    name: Object.freeze({ kk, ru, en }),
  });
}

/** Ordered by КАТО prefix. */
export const KZ_REGIONS: readonly KzRegion[] = Object.freeze([
  region('abai', '10', 'oblast', 'Абай облысы', 'Абайская область', 'Abai Region'),
  region('akmola', '11', 'oblast', 'Ақмола облысы', 'Акмолинская область', 'Akmola Region'),
  region('aktobe', '15', 'oblast', 'Ақтөбе облысы', 'Актюбинская область', 'Aktobe Region'),
  region('almaty-region', '19', 'oblast', 'Алматы облысы', 'Алматинская область', 'Almaty Region'),
  region('atyrau', '23', 'oblast', 'Атырау облысы', 'Атырауская область', 'Atyrau Region'),
  region(
    'west-kazakhstan',
    '27',
    'oblast',
    'Батыс Қазақстан облысы',
    'Западно-Казахстанская область',
    'West Kazakhstan Region',
  ),
  region('zhambyl', '31', 'oblast', 'Жамбыл облысы', 'Жамбылская область', 'Zhambyl Region'),
  region('zhetisu', '33', 'oblast', 'Жетісу облысы', 'Область Жетісу', 'Zhetisu Region'),
  region('karaganda', '35', 'oblast', 'Қарағанды облысы', 'Карагандинская область', 'Karaganda Region'),
  region('kostanay', '39', 'oblast', 'Қостанай облысы', 'Костанайская область', 'Kostanay Region'),
  region('kyzylorda', '43', 'oblast', 'Қызылорда облысы', 'Кызылординская область', 'Kyzylorda Region'),
  region('mangystau', '47', 'oblast', 'Маңғыстау облысы', 'Мангистауская область', 'Mangystau Region'),
  region('pavlodar', '55', 'oblast', 'Павлодар облысы', 'Павлодарская область', 'Pavlodar Region'),
  region(
    'north-kazakhstan',
    '59',
    'oblast',
    'Солтүстік Қазақстан облысы',
    'Северо-Казахстанская область',
    'North Kazakhstan Region',
  ),
  region('turkistan', '61', 'oblast', 'Түркістан облысы', 'Туркестанская область', 'Turkistan Region'),
  region('ulytau', '62', 'oblast', 'Ұлытау облысы', 'Область Ұлытау', 'Ulytau Region'),
  region(
    'east-kazakhstan',
    '63',
    'oblast',
    'Шығыс Қазақстан облысы',
    'Восточно-Казахстанская область',
    'East Kazakhstan Region',
  ),
  region('astana', '71', 'city', 'Астана қаласы', 'город Астана', 'Astana'),
  region('almaty', '75', 'city', 'Алматы қаласы', 'город Алматы', 'Almaty'),
  region('shymkent', '79', 'city', 'Шымкент қаласы', 'город Шымкент', 'Shymkent'),
]);

const REGIONS_BY_PREFIX: ReadonlyMap<string, KzRegion> = new Map(KZ_REGIONS.map((r) => [r.katoPrefix, r]));

export const KATO_CODE = /^\d{9}$/;

/**
 * The region a place belongs to. Accepts a full 9-digit КАТО code or just the 2-digit prefix;
 * anything else (or an unknown prefix) gives undefined.
 */
export function findRegionByKato(kato: string): KzRegion | undefined {
  if (!KATO_CODE.test(kato) && !/^\d{2}$/.test(kato)) return undefined;
  return REGIONS_BY_PREFIX.get(kato.slice(0, 2));
}

/** True for a 9-digit КАТО code inside one of the 20 regions. */
export function isKatoCode(value: unknown): value is string {
  return typeof value === 'string' && KATO_CODE.test(value) && REGIONS_BY_PREFIX.has(value.slice(0, 2));
}
