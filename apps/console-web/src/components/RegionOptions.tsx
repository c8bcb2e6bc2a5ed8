import { KZ_REGIONS, regionName } from '../format/regions';

/** The `<option>`s of the 20 regions, by КАТО code, named in the UI language: for a region `<select>`. */
export function RegionOptions({ language }: { language: string }) {
  return (
    <>
      {KZ_REGIONS.map((region) => (
        <option key={region.katoCode} value={region.katoCode}>
          {regionName(region.katoCode, language)}
        </option>
      ))}
    </>
  );
}
