import type { Page } from 'playwright-core';
import { TestBrowser, uiText, type Viewport } from './browser';

export type Language = 'kk' | 'ru' | 'en';

/**
 * The browsers a spec opens, one fresh profile each (one person at one device), closed after each test:
 * closing fails the test if a page threw or logged an error.
 */
export class Browsers {
  private readonly opened: TestBrowser[] = [];

  constructor(private readonly consoleUrl: () => string) {}

  async open(viewport: Viewport = 'desktop', locale?: string): Promise<Page> {
    const browser = await TestBrowser.open(viewport, { locale });
    this.opened.push(browser);
    return browser.page;
  }

  async goto(page: Page, pathname: string): Promise<void> {
    await page.goto(`${this.consoleUrl()}${pathname}`);
  }

  async closeAll(): Promise<void> {
    const results = await Promise.allSettled(this.opened.splice(0).map((browser) => browser.close()));
    const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;
  }
}

/** Waits until the address is `pathname` (the SPA navigates without a load). */
export async function expectPath(page: Page, pathname: string | RegExp): Promise<void> {
  await page.waitForURL((url) =>
    typeof pathname === 'string' ? url.pathname === pathname : pathname.test(url.pathname),
  );
}

/** Fills the sign-in form, labelled in `language`, and submits it. */
export async function signIn(
  page: Page,
  language: Language,
  username: string,
  password: string,
): Promise<void> {
  await page.getByLabel(uiText(language, 'login:username')).fill(username);
  await page.getByLabel(uiText(language, 'login:password')).fill(password);
  await page.getByRole('button', { name: uiText(language, 'login:submit') }).click();
}

/** No part of the page is wider than the screen: a phone never scrolls the page sideways. */
export async function expectNoSidewaysScroll(page: Page): Promise<void> {
  // A string: the test's TypeScript has no DOM types, the page has.
  const widths = await page.evaluate<[number, number]>(
    '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
  );
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
}
