/** The languages of every answer: Kazakh (the state language), Russian and English. */
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * English when the client names no language we speak. A client that sends no Accept-Language is nearly
 * always a program (a portal's back end, curl), and before messages were localised every such client got
 * English: it keeps getting exactly that. Browsers always send Accept-Language, so people get kk or ru.
 */
export const DEFAULT_LANGUAGE: Language = 'en';

/** Tags clients send for our languages besides the standard ones: `kz` is the country, often mistaken for the language. */
const ALIASES: Readonly<Record<string, Language>> = { kz: 'kk' };

function languageOf(tag: string): Language | undefined {
  const primary = tag.split('-')[0]?.toLowerCase() ?? '';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : ALIASES[primary];
}

/** At most this many entries of a header are read: it is the client's text, of any length. */
const MAX_ENTRIES = 32;

interface Preference {
  tag: string;
  weight: number;
}

function weightOf(q: string | undefined): number {
  if (q === undefined) return 1;
  const weight = Number(q.slice('q='.length));
  // A malformed q-value (NaN) is read as "not wanted" rather than as the top preference.
  return weight >= 0 && weight <= 1 ? weight : 0;
}

function preferences(text: string): Preference[] {
  return text.split(',', MAX_ENTRIES).map((entry) => {
    const [tag = '', ...parameters] = entry.split(';').map((part) => part.trim());
    return { tag, weight: weightOf(parameters.find((parameter) => /^q=/i.test(parameter))) };
  });
}

/**
 * The language of the answer, by RFC 9110 §12.5.4: the entry of the highest q-value that names one of
 * ours (a region such as `ru-KZ` counts as its language), the earlier entry on a tie; `q=0` means "not
 * this one". `*` stands for any language not named elsewhere, and is ours to choose.
 */
export function negotiateLanguage(header: string | readonly string[] | undefined): Language {
  const text = typeof header === 'string' ? header : header?.join(',');
  if (text === undefined || text.trim() === '') return DEFAULT_LANGUAGE;
  const all = preferences(text);
  const named = new Set(all.map(({ tag }) => languageOf(tag)));
  const anyOther = [DEFAULT_LANGUAGE, ...LANGUAGES].find((language) => !named.has(language));
  let best: { language: Language; weight: number } | undefined;
  for (const { tag, weight } of all) {
    const language = tag === '*' ? anyOther : languageOf(tag);
    if (language !== undefined && weight > 0 && (best === undefined || weight > best.weight))
      best = { language, weight };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}
