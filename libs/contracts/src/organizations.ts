import { KZ_REGIONS } from './kazakhstan/regions';

/**
 * Well-known organisation ids shared by services: the central reception is where overdue regional
 * cases go, and each regional akimat's id is derived from its region's slug.
 */
export const CENTRAL_RECEPTION_ID = 'central-reception';

export function regionalAkimatId(regionId: string): string {
  return `akimat-${regionId}`;
}

/** The КАТО code of the region whose akimat the id names; undefined for any other body. */
export function regionKatoOfAkimat(organizationId: string): string | undefined {
  return KZ_REGIONS.find((region) => regionalAkimatId(region.id) === organizationId)?.katoCode;
}
