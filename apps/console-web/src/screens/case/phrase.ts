import type { TFunction } from 'i18next';
import type { Phrase } from './timeline';

/** A phrase in the UI language; the code from the data where there are no words for it. */
export function say(t: TFunction, phrase: Phrase): string {
  return t(phrase.key, { ...phrase.values, defaultValue: phrase.fallback ?? phrase.key });
}
