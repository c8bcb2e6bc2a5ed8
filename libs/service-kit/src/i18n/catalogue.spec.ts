import { codesOfConstraint, STRUCTURAL_CODES } from '@app/contracts';
import { getMetadataStorage } from 'class-validator';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BODY_ERROR_CODES } from '../json-body';
import { LANGUAGES, type Language } from './language';
import { en } from './messages/en';
import { MESSAGES } from './translator';

/**
 * Every rule a client can break has a message in Kazakh, Russian and English. The rules are found, not
 * listed: each source file of the apps and libraries that declares class-validator rules is loaded (the
 * contract's payloads, the services' query and body classes, the console's DTOs as they are added), and
 * every rule of every class it exports is asked for its codes; codes that services set by hand in a
 * FieldError (`code: 'submittedAtTooOld'`) are found in the source.
 */
const ROOT = join(__dirname, '../../../..');
const SOURCE_DIRECTORIES = ['apps', 'libs'];
/** The web UI checks its forms in the browser and words those checks itself (its locale files, their own test). */
const BROWSER_CODE = join(ROOT, 'apps', 'console-web');
const DECLARES_RULES = /from 'class-validator'|@(Is[A-Z]\w*|Length|Matches|Min|Max|ValidateNested)\(/;
const HAND_MADE_CODE = /\bcode: '([a-z]+[A-Z][A-Za-z0-9]*)'/g;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || path === BROWSER_CODE ? [] : sourceFiles(path);
    const isSource = entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec|d)\.ts$/.test(entry.name);
    return isSource && entry.name !== 'main.ts' ? [path] : [];
  });
}

const SOURCES = SOURCE_DIRECTORIES.flatMap((directory) => sourceFiles(join(ROOT, directory))).map((path) => ({
  path,
  text: readFileSync(path, 'utf8'),
}));

/** Loads each file that declares rules and asks every class it exports for the codes of its rules. */
async function ruleCodes(): Promise<Map<string, string>> {
  const codes = new Map<string, string>();
  const storage = getMetadataStorage();
  for (const { path } of SOURCES.filter((source) => DECLARES_RULES.test(source.text))) {
    const exported: unknown[] = Object.values((await import(path)) as Record<string, unknown>);
    const classes = exported.filter((value): value is new () => object => typeof value === 'function');
    for (const candidate of classes) {
      const rules = storage.getTargetValidationMetadatas(candidate, '', true, false);
      for (const rule of rules.filter(({ type }) => type !== 'conditionalValidation')) {
        const context = rule.context as { code?: string } | undefined;
        const name: string = rule.name ?? rule.type;
        for (const code of codesOfConstraint(name, context))
          codes.set(code, `${relative(ROOT, path)} ${candidate.name}.${rule.propertyName}`);
      }
    }
  }
  return codes;
}

function handMadeCodes(): Map<string, string> {
  const codes = new Map<string, string>();
  for (const { path, text } of SOURCES)
    for (const match of text.matchAll(HAND_MADE_CODE)) codes.set(match[1] ?? '', relative(ROOT, path));
  return codes;
}

const USED_CODES = new Map<string, string>();

beforeAll(async () => {
  for (const entry of [
    ...(await ruleCodes()),
    ...handMadeCodes(),
    ...STRUCTURAL_CODES.map((code): [string, string] => [code, 'libs/contracts validation']),
    ...[...Object.values(BODY_ERROR_CODES), 'unreadableBody'].map((code): [string, string] => [
      code,
      'json-body',
    ]),
  ])
    USED_CODES.set(...entry);
});

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The keys of a section without plural suffixes: `isLength_one` and `isLength_other` are `isLength`. */
function baseKeys(section: Readonly<Record<string, string>>): Set<string> {
  return new Set(Object.keys(section).map((key) => key.replace(PLURAL, '')));
}

/** Every text of a key: the key itself, or one per plural form of the language (all of them required). */
function textsOf(language: Language, section: Readonly<Record<string, string>>, key: string): string[] {
  const single = section[key];
  if (single !== undefined) return [single];
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  return forms.map((form) => section[`${key}_${form}`] ?? `<missing ${key}_${form}>`);
}

function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1] ?? ''))].sort();
}

describe('the error messages', () => {
  it('find the rules of the contract and of the services (a sanity check of the search)', () => {
    for (const code of [
      'isLength',
      'iinCheckDigit',
      'katoRegion',
      'isTimestamp',
      'sha256Hex',
      'wholeNumberRange',
    ])
      expect(USED_CODES.has(code)).toBe(true);
    expect(USED_CODES.has('submittedAtTooOld')).toBe(true);
  });

  it.each(LANGUAGES)('have a message in %s for every code a field error can have', (language) => {
    const keys = baseKeys(MESSAGES[language].field);
    const missing = [...USED_CODES]
      .filter(([code]) => !keys.has(code))
      .map(([code, where]) => `${code} (${where})`);
    expect(missing).toEqual([]);
  });

  it.each(LANGUAGES)('have in %s exactly the keys English has, each plural with every form', (language) => {
    const messages = MESSAGES[language];
    for (const section of ['common', 'field', 'request', 'http'] as const) {
      expect([...baseKeys(messages[section])].sort()).toEqual([...baseKeys(en[section])].sort());
      for (const key of baseKeys(messages[section]))
        for (const text of textsOf(language, messages[section], key)) expect(text).not.toMatch(/^<missing/);
    }
  });

  it.each(LANGUAGES)('quote in %s the same values as the English message', (language) => {
    for (const key of baseKeys(en.field)) {
      const english = placeholders(textsOf('en', en.field, key).join(' '));
      for (const text of textsOf(language, MESSAGES[language].field, key))
        expect({ key, placeholders: placeholders(text) }).toEqual({ key, placeholders: english });
    }
  });

  it.each(['kk', 'ru'] as const)('are written in %s in Cyrillic', (language) => {
    const messages = MESSAGES[language];
    for (const section of ['common', 'field', 'request', 'http'] as const)
      for (const [key, text] of Object.entries(messages[section])) {
        expect({ key, cyrillic: /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(text) }).toEqual({ key, cyrillic: true });
        // The Latin Kazakh alphabet's letters, and English text outside names and examples, do not belong here.
        expect({ key, text }).not.toEqual({
          key,
          text: expect.stringMatching(/[äğūüöŋşıİ]|\b(must|the|is|be)\b/),
        });
      }
  });

  it('have Kazakh messages that are not the Russian ones', () => {
    const same = Object.entries(MESSAGES.kk.field).filter(([key, text]) => MESSAGES.ru.field[key] === text);
    expect(same).toEqual([]);
  });
});
