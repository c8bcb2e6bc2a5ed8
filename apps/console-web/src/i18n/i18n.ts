import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, UI_LANGUAGES } from './languages';

const LANGUAGE_KEY = 'console.language';

/** Every `locales/<language>/<namespace>.json`, bundled: a screen's texts never wait for the network. */
function bundledResources(): Resource {
  const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
    eager: true,
    import: 'default',
  });
  const resources: Resource = {};
  for (const [path, texts] of Object.entries(files)) {
    const [, language, namespace] = /\.\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path) ?? [];
    if (language && namespace) (resources[language] ??= {})[namespace] = texts;
  }
  return resources;
}

export async function startI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: bundledResources(),
    lng: initialLanguage(localStorage.getItem(LANGUAGE_KEY), navigator.languages),
    supportedLngs: [...UI_LANGUAGES],
    fallbackLng: false,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const follow = (language: string) => {
    localStorage.setItem(LANGUAGE_KEY, language);
    document.documentElement.lang = language;
  };
  follow(i18next.language);
  i18next.on('languageChanged', follow);
}
