/** At most this many words of a search are used: a longer query narrows nothing a person would notice. */
export const MAX_SEARCH_WORDS = 8;

export interface SearchTerms {
  /** For the 'simple' configuration: every word as a prefix (`жол:*` finds жолды, жолдың). */
  prefixes: string;
  /** For the 'russian' configuration: every word, stemmed by PostgreSQL (дороги finds дорога). */
  words: string;
}

/**
 * The tsquery texts of what a person typed: the words only (letters and digits, any script), lower-cased, so
 * no operator or quote of tsquery syntax ever comes from the input. Undefined when it has no word at all.
 */
export function searchTermsOf(typed: string): SearchTerms | undefined {
  const words = [...new Set(typed.toLocaleLowerCase('kk').match(/[\p{L}\p{N}]+/gu) ?? [])].slice(
    0,
    MAX_SEARCH_WORDS,
  );
  if (words.length === 0) return undefined;
  return {
    prefixes: words.map((word) => `${word}:*`).join(' & '),
    words: words.join(' & '),
  };
}
