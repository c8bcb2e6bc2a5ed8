import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UI_LANGUAGES } from './languages';

const LOCALES = join(__dirname, 'locales');
const SOURCES = join(__dirname, '..');

type Texts = { [key: string]: string | Texts };

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(path, value);
    else for (const [inner, text] of flatten(value, path)) keys.set(inner, text);
  }
  return keys;
}

function namespacesOf(language: string): string[] {
  return readdirSync(join(LOCALES, language))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();
}

function textsOf(language: string, namespace: string): Map<string, string> {
  return flatten(JSON.parse(readFileSync(join(LOCALES, language, `${namespace}.json`), 'utf8')) as Texts);
}

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** i18next's plural forms of a key: `count_one`, `count_other`, and Russian's `_few`, `_many`. */
function withoutPluralSuffix(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

describe('the UI texts', () => {
  const namespaces = namespacesOf('en');

  it('exist in every language with the same namespaces', () => {
    for (const language of UI_LANGUAGES) expect(namespacesOf(language)).toEqual(namespaces);
  });

  it.each(namespaces)('have the same keys in Kazakh, Russian and English, none empty (%s)', (namespace) => {
    const keysOf = (language: string) =>
      [...new Set([...textsOf(language, namespace).keys()].map(withoutPluralSuffix))].sort();
    for (const language of UI_LANGUAGES) {
      expect(keysOf(language)).toEqual(keysOf('en'));
      for (const [key, text] of textsOf(language, namespace))
        expect({ key, text: text.trim() }).not.toEqual({ key, text: '' });
    }
  });

  it.each(namespaces)('are written in Kazakh, not left in English or Russian (%s)', (namespace) => {
    const kazakh = textsOf('kk', namespace);
    const [english, russian] = [textsOf('en', namespace), textsOf('ru', namespace)];
    const untranslated = [...kazakh].filter(
      ([key, text]) =>
        /[\p{L}]{4,}/u.test(text) &&
        (text === english.get(key) || (text === russian.get(key) && !/[әғқңөұүһі]/i.test(text))),
    );
    // Words that are the same in Kazakh and Russian (Оператор) are allowed; whole phrases are not.
    expect(untranslated.filter(([, text]) => text.includes(' '))).toEqual([]);
  });

  it('have every key the code asks for with a literal t() call', () => {
    const missing: string[] = [];
    for (const file of sourceFiles(SOURCES)) {
      const source = readFileSync(file, 'utf8');
      const namespace = /useTranslation\(\s*'([\w-]+)'/.exec(source)?.[1] ?? 'common';
      for (const [, key] of source.matchAll(/\bt\(\s*'([\w.:-]+)'/g)) {
        const [ns, path] = key.includes(':') ? key.split(':') : [namespace, key];
        const texts = textsOf('en', ns);
        if (!texts.has(path) && !texts.has(`${path}_one`)) missing.push(`${relative(SOURCES, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
