import AxeBuilder from '@axe-core/playwright';
import { findRepoRoot } from '@app/local-infra';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Locator, type Page } from 'playwright-core';

/**
 * The browser tests' harness: Debian's Chromium driven by playwright-core (a browser Playwright downloads cannot
 * run on these machines), axe-core, screenshots, and checks that a page neither failed nor left keys untranslated.
 */

const repoRoot = findRepoRoot(__dirname);
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where screenshots go: CI keeps `test-artifacts/` as the run's artifacts. */
export const SCREENSHOT_DIR = path.join(repoRoot, 'test-artifacts', 'screenshots');

export type Viewport = 'desktop' | 'phone';

const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 800 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

/**
 * One browser with one fresh profile (its own --user-data-dir, removed on close): one person at one device.
 * Every page it opens is watched for uncaught errors and console errors; {@link close} fails on any.
 */
export class TestBrowser {
  private readonly problems: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly profileDir: string,
  ) {
    for (const opened of context.pages()) this.watch(opened);
    context.on('page', (opened) => this.watch(opened));
  }

  static async open(viewport: Viewport = 'desktop', options: { locale?: string } = {}): Promise<TestBrowser> {
    const profileDir = await mkdtemp(path.join(tmpdir(), 'console-browser-'));
    try {
      const context = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        // Kazakh unless a test says otherwise: the console's own default for a first visit.
        locale: options.locale ?? 'kk-KZ',
        // Far from Kazakhstan: a date written in the browser's own zone instead of UTC+5 shows up as wrong.
        timezoneId: 'America/Los_Angeles',
        ...VIEWPORTS[viewport],
      });
      context.setDefaultTimeout(15_000);
      const page = context.pages()[0] ?? (await context.newPage());
      return new TestBrowser(context, page, profileDir);
    } catch (error) {
      await rm(profileDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** What went wrong in the pages so far (uncaught errors, console errors): empty when all is well. */
  get errors(): readonly string[] {
    return this.problems;
  }

  /** Fails (after closing) if any page threw or logged an error. */
  async close(): Promise<void> {
    try {
      await this.context.close();
    } finally {
      await rm(this.profileDir, { recursive: true, force: true });
    }
    if (this.problems.length > 0)
      throw new Error(`the page reported errors:\n${this.problems.map((p) => `  - ${p}`).join('\n')}`);
  }

  private watch(page: Page): void {
    page.on('pageerror', (error) => this.problems.push(`uncaught ${error.name}: ${error.message}`));
    // A screen asking for what its user may not read (403), knocking too often (429) or breaking the API (5xx):
    // none of these is a refusal the UI is there to show.
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      const status = response.status();
      if (pathname.startsWith('/api/') && (status === 403 || status === 429 || status >= 500))
        this.problems.push(`${status} from ${response.request().method()} ${pathname}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !isExpectedRefusal(message))
        this.problems.push(`console error: ${message.text()} (${message.location().url || 'no location'})`);
    });
  }
}

/**
 * Chromium logs every 4xx answer as a console error ("Failed to load resource: … status of 401"). A refusal of
 * the console's API is part of the UI's work (a wrong password, a stale version, a tracking number that does
 * not exist): the UI shows it, and the test checks what it shows. Anything else stays an error: a 4xx for the
 * bundle's own files (a missing script or stylesheet), any 5xx, CSP violations, and whatever the app logs.
 */
function isExpectedRefusal(message: ConsoleMessage): boolean {
  if (!/^Failed to load resource: the server responded with a status of 4\d\d\b/.test(message.text()))
    return false;
  const url = message.location().url;
  return url !== '' && new URL(url).pathname.startsWith('/api/');
}

/** Fails on axe-core's serious and critical violations, each with its rule, its help and where it is. */
export async function checkAccessibility(page: Page, screenName: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  if (blocking.length === 0) return;
  const lines = blocking.map((violation) => {
    const targets = violation.nodes.map((node) => `      at ${node.target.map(String).join(' ')}`);
    return `  [${violation.impact}] ${violation.id}: ${violation.help}\n${targets.join('\n')}\n      ${violation.helpUrl}`;
  });
  throw new Error(
    `${screenName} (${page.url()}): ${blocking.length} serious or critical accessibility violation(s):\n${lines.join('\n')}`,
  );
}

/** The whole page as `test-artifacts/screenshots/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Waits until `text` (a string: contained; a RegExp: matched) is visible on the page, or within `scope`. */
export async function waitForText(
  page: Page,
  text: string | RegExp,
  { timeoutMs = 15_000, scope }: { timeoutMs?: number; scope?: Locator } = {},
): Promise<Locator> {
  const found = (scope ?? page.locator('body')).getByText(text).first();
  await found.waitFor({ state: 'visible', timeout: timeoutMs });
  return found;
}

// ---------------------------------------------------------------------------------------------------------------
// Untranslated text

const LOCALES_DIR = path.join(repoRoot, 'apps', 'console-web', 'src', 'i18n', 'locales');

interface LocaleKeys {
  /** Every leaf key, as `key.path` and as `namespace:key.path`. */
  keys: Set<string>;
  /** Top-level keys that group others (`nav`, `status`, …): `nav.sometypo` is a key that went missing. */
  groups: Set<string>;
  /** The language names in themselves, which the language switch shows in every language. */
  languageNames: Set<string>;
}

function flatten(value: unknown, prefix: string, into: Set<string>): void {
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, into);
  } else into.add(prefix);
}

let localeKeys: LocaleKeys | undefined;

/** The keys of apps/console-web's locale files, every language and namespace. */
export function loadLocaleKeys(): LocaleKeys {
  if (localeKeys) return localeKeys;
  const keys = new Set<string>();
  const groups = new Set<string>();
  for (const language of readdirSync(LOCALES_DIR)) {
    for (const file of readdirSync(path.join(LOCALES_DIR, language)).filter((f) => f.endsWith('.json'))) {
      const namespace = file.replace(/\.json$/, '');
      const texts = JSON.parse(readFileSync(path.join(LOCALES_DIR, language, file), 'utf8')) as object;
      const leaves = new Set<string>();
      flatten(texts, '', leaves);
      for (const key of leaves) keys.add(key).add(`${namespace}:${key}`);
      for (const [key, child] of Object.entries(texts))
        if (child !== null && typeof child === 'object') groups.add(key);
    }
  }
  localeKeys = { keys, groups, languageNames: new Set(['Қазақша', 'Русский', 'English']) };
  return localeKeys;
}

/**
 * A text of the UI by its key (`login:title`, `common:nav.queue`), from the locale files the bundle is built
 * from: tests find controls by the names people see, in the language the page is in.
 */
export function uiText(language: 'kk' | 'ru' | 'en', key: string): string {
  const [namespace, keyPath] = key.includes(':') ? key.split(':', 2) : ['common', key];
  const file = path.join(LOCALES_DIR, language, `${namespace}.json`);
  let value: unknown = JSON.parse(readFileSync(file, 'utf8'));
  for (const part of keyPath.split('.')) value = (value as Record<string, unknown> | undefined)?.[part];
  if (typeof value !== 'string') throw new Error(`no text ${key} in ${language}`);
  return value;
}

/** `nav.queue`, `common:status.new`, `status.in-work`: what i18next shows for a key it has no text for. */
const KEY_LIKE = /(?<![\w@./-])(?:[a-z][\w-]*:)?[a-z][\w-]*(?:\.[a-zA-Z][\w-]*)+(?![\w@/-]|\.\w)/g;

/** Words of data rather than of the UI: with a digit, `@`, `.`, `_` or `/` (tracking numbers, usernames, e-mails, KATO codes), or all capitals (KZ, SMS, IIN). */
function isDataToken(token: string): boolean {
  return /[\d@._/]/.test(token) || /^[A-Z]{2,}$/.test(token);
}

export interface TranslationCheckOptions {
  /** Only this part of the page (the header while a screen is a placeholder, say). */
  within?: Locator;
  /** Kazakh is expected: Latin-only text is a missed translation unless it is data. */
  language?: 'kk' | 'ru';
  /**
   * Data shown as it is (a username, an organisation's Latin name): never counted as untranslated. So is the text
   * of every `<code>` element.
   */
  data?: string[];
}

/**
 * Fails when the visible text shows an i18n key (a key of our locale files, or a key under one of their groups
 * that has no text), or, with `language` kk or ru, a line in Latin letters only that is not data.
 */
export async function expectNoUntranslatedKeys(
  page: Page,
  options: TranslationCheckOptions = {},
): Promise<void> {
  const { keys, groups, languageNames } = loadLocaleKeys();
  const scopes = options.within ? await options.within.all() : [page.locator('body')];
  const text = (await Promise.all(scopes.map((scope) => scope.innerText()))).join('\n');
  const found: string[] = [];
  for (const [token] of text.matchAll(KEY_LIKE)) {
    const bare = token.replace(/^[\w-]+:/, '');
    if (keys.has(token) || keys.has(bare) || groups.has(bare.split('.')[0])) found.push(`key "${token}"`);
  }
  if (options.language) {
    // What a page marks as code (an action's code in the audit log, a system's id) is data by its own account.
    const codes = (await page.locator('code').allInnerTexts()).map((code) => code.trim());
    const data = new Set([...(options.data ?? []), ...codes]);
    for (const line of text.split('\n').map((l) => l.trim())) {
      if (line === '' || /\p{Script=Cyrillic}/u.test(line) || languageNames.has(line) || data.has(line))
        continue;
      const words = line.split(/[\s·,;:()«»"!?]+/).filter((word) => /\p{Script=Latin}/u.test(word));
      const untranslated = words.filter((word) => !isDataToken(word) && !data.has(word));
      if (untranslated.length > 0) found.push(`Latin text "${line}"`);
    }
  }
  if (found.length > 0)
    throw new Error(
      `untranslated text on ${page.url()}${options.language ? ` (expected ${options.language})` : ''}:\n` +
        found.map((entry) => `  - ${entry}`).join('\n'),
    );
}
