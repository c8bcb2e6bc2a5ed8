import { AppealLanguage, EscalationReason } from '@app/contracts';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  CITIZEN_TEMPLATES,
  type CitizenTemplate,
  STAFF_TEMPLATES,
  type StaffTemplate,
} from './message-params';

export const LANGUAGES = Object.values(AppealLanguage);
export const CITIZEN_PARTS = ['subject', 'body', 'sms'] as const;
export const STAFF_PARTS = ['title', 'body'] as const;
export type CitizenPart = (typeof CITIZEN_PARTS)[number];
export type StaffPart = (typeof STAFF_PARTS)[number];

/** One language's file, `messages.<language>.yaml`, checked: every template and part is there and parses. */
export interface LanguageMessages {
  /** Luxon format of a date in this language. */
  dateFormat: string;
  escalationReasons: Record<EscalationReason, string>;
  /** Pieces the templates share (`{{> greeting}}`); every language has the same ones. */
  partials: Record<string, string>;
  citizen: Record<CitizenTemplate, Record<CitizenPart, string>>;
  staff: Record<StaffTemplate, Record<StaffPart, string>>;
}

export interface MessageCatalogue {
  languages: Record<AppealLanguage, LanguageMessages>;
  /** The HTML e-mail around a citizen message's body (`layout.html.hbs`). */
  layout: string;
}

const FILE_KEYS = ['dateFormat', 'escalationReasons', 'partials', 'citizen', 'staff'];

class CatalogueError extends Error {}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CatalogueError(message);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A mapping with exactly these keys: a missing template is as wrong as a misspelt one. */
function checkKeys(
  raw: unknown,
  keys: readonly string[],
  what: string,
): asserts raw is Record<string, unknown> {
  check(isObject(raw), `${what} is not a mapping`);
  const missing = keys.filter((key) => !Object.hasOwn(raw, key));
  const unknown = Object.keys(raw).filter((key) => !keys.includes(key));
  check(missing.length === 0, `${what} lacks ${missing.join(', ')}`);
  check(unknown.length === 0, `${what} has unknown ${unknown.join(', ')}`);
}

/** A mapping of non-empty texts, with exactly these keys (null: any keys). */
function texts(raw: unknown, keys: readonly string[] | null, what: string): Record<string, string> {
  if (keys) checkKeys(raw, keys, what);
  check(isObject(raw), `${what} is not a mapping`);
  for (const [key, value] of Object.entries(raw))
    check(typeof value === 'string' && value.trim() !== '', `${what}.${key} is not a non-empty text`);
  return raw as Record<string, string>;
}

/** Like {@link texts}, and each text is a template whose syntax is sound: a typo fails at start, not at send. */
function templates(raw: unknown, keys: readonly string[] | null, what: string): Record<string, string> {
  const result = texts(raw, keys, what);
  for (const [key, source] of Object.entries(result)) {
    try {
      Handlebars.parse(source);
    } catch (error) {
      throw new CatalogueError(`${what}.${key}: ${(error as Error).message}`);
    }
  }
  return result;
}

/** A mapping of template name → parts, with exactly the given templates and parts. */
function templateSet<T extends string, P extends string>(
  raw: unknown,
  names: readonly T[],
  parts: readonly P[],
  what: string,
): Record<T, Record<P, string>> {
  checkKeys(raw, names, what);
  return Object.fromEntries(
    names.map((name) => [name, templates(raw[name], parts, `${what}.${name}`)]),
  ) as Record<T, Record<P, string>>;
}

function readLanguage(raw: unknown): LanguageMessages {
  checkKeys(raw, FILE_KEYS, 'the file');
  check(
    typeof raw.dateFormat === 'string' && raw.dateFormat.trim() !== '',
    'dateFormat is not a non-empty text',
  );
  return {
    dateFormat: raw.dateFormat,
    escalationReasons: texts(raw.escalationReasons, Object.values(EscalationReason), 'escalationReasons'),
    partials: templates(raw.partials, null, 'partials'),
    citizen: templateSet(raw.citizen, CITIZEN_TEMPLATES, CITIZEN_PARTS, 'citizen'),
    staff: templateSet(raw.staff, STAFF_TEMPLATES, STAFF_PARTS, 'staff'),
  };
}

/** Where the template files are: next to `src` in the sources, copied next to it in `dist` by the build. */
export function templatesDir(): string {
  return path.resolve(__dirname, '../../templates');
}

/**
 * Reads and checks every language's file and the layout. A missing template, part or language, an unknown
 * one, or a template that does not parse stops the service at start with the file and the place named.
 */
export function loadCatalogue(dir: string = templatesDir()): MessageCatalogue {
  const languages = {} as Record<AppealLanguage, LanguageMessages>;
  for (const language of LANGUAGES) {
    const file = path.join(dir, `messages.${language}.yaml`);
    try {
      languages[language] = readLanguage(parse(readFileSync(file, 'utf8')));
    } catch (error) {
      throw new Error(`Message templates ${file}: ${(error as Error).message}`);
    }
  }
  const partialNames = (language: AppealLanguage) =>
    Object.keys(languages[language].partials).sort().join(', ');
  for (const language of LANGUAGES)
    if (partialNames(language) !== partialNames(LANGUAGES[0]))
      throw new Error(
        `Message templates: partials of ${language} (${partialNames(language)}) differ from ${LANGUAGES[0]} (${partialNames(LANGUAGES[0])})`,
      );
  return { languages, layout: readFileSync(path.join(dir, 'layout.html.hbs'), 'utf8') };
}
