export const UI_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each language's name in itself, for the switch. */
export const LANGUAGE_NAMES: Record<UiLanguage, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** The locale for dates and numbers: Kazakh and Russian as written in Kazakhstan. */
export const LOCALES: Record<UiLanguage, string> = { kk: 'kk-KZ', ru: 'ru-KZ', en: 'en-GB' };

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** First visit: the browser's preference if it is one of ours, else Kazakh, the state language. */
export function initialLanguage(stored: string | null, preferred: readonly string[]): UiLanguage {
  if (isUiLanguage(stored)) return stored;
  for (const tag of preferred) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isUiLanguage(base)) return base;
  }
  return 'kk';
}

export function localeOf(language: string): string {
  return isUiLanguage(language) ? LOCALES[language] : LOCALES.kk;
}
