import type { TFunction } from 'i18next';

/** A code's label from `common` (`status.in-work`, `level.regional-akimat`), or the code itself if it has none. */
export function commonLabel(t: TFunction, group: 'status' | 'level', code: string | null): string {
  if (!code) return '—';
  return t(`common:${group}.${code}`, { defaultValue: code });
}
