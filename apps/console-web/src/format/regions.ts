import { findRegionByKato } from '@app/contracts/kazakhstan/region-list';
import type { UiLanguage } from '../i18n/languages';

/** A region's name in the UI language; the КАТО code itself when it is no region's. */
export function regionName(kato: string | null | undefined, language: string): string {
  if (!kato) return '—';
  const region = findRegionByKato(kato);
  return region
    ? region.name[(language as UiLanguage) in region.name ? (language as UiLanguage) : 'kk']
    : kato;
}

export { KZ_REGIONS } from '@app/contracts/kazakhstan/region-list';
