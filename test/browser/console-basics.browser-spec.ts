import { MESSAGES } from '@app/service-kit/i18n/translator';
import type { Page } from 'playwright-core';
import {
  checkAccessibility,
  expectNoUntranslatedKeys,
  screenshot,
  uiText,
  waitForText,
  type Viewport,
} from '../support/browser';
import { demoUser, startBrowserStack, type BrowserStack } from '../support/browser-stack';
import { Browsers, expectNoSidewaysScroll, expectPath, signIn } from '../support/console-pages';

/**
 * The console's web UI in Chromium against the whole system started as `npm start` starts it: the sign-in page
 * (both viewports, axe-clean), a refused sign-in, each demo user's home and menu, signing out, Kazakh, and the
 * keyboard's way past the header.
 */
jest.setTimeout(180_000);

let stack: BrowserStack;
const browsers = new Browsers(() => stack.consoleUrl);
const open = (viewport?: Viewport, locale?: string) => browsers.open(viewport, locale);
const goto = (page: Page, pathname: string) => browsers.goto(page, pathname);

beforeAll(async () => {
  stack = await startBrowserStack('console-basics');
});

afterAll(async () => {
  await stack?.stop();
});

afterEach(() => browsers.closeAll());

describe('the console in a browser: sign-in, menus, languages, keyboard', () => {
  it.each<Viewport>(['desktop', 'phone'])('shows an accessible sign-in page (%s)', async (viewport) => {
    const page = await open(viewport);
    await goto(page, '/login');
    // A first visit from a browser that prefers Kazakh: Kazakh, the console's default too.
    await page.getByRole('heading', { level: 1, name: uiText('kk', 'login:title') }).waitFor();
    await page.getByLabel(uiText('kk', 'login:username')).waitFor();
    await page.getByLabel(uiText('kk', 'login:password')).waitFor();
    await page.getByLabel(uiText('kk', 'language.label')).waitFor();
    await checkAccessibility(page, `sign-in (${viewport})`);
    await expectNoUntranslatedKeys(page, { language: 'kk' });
    await expectNoSidewaysScroll(page);
    await screenshot(page, `login-${viewport}`);
  });

  it('tells what is missing next to the field, and shows the API refusal of a wrong password', async () => {
    const page = await open();
    await goto(page, '/login');
    const username = page.getByLabel(uiText('kk', 'login:username'));
    const submit = page.getByRole('button', { name: uiText('kk', 'login:submit') });

    await submit.click();
    expect(await page.getByText(uiText('kk', 'login:required')).count()).toBe(2);
    expect(await username.getAttribute('aria-invalid')).toBe('true');

    await signIn(page, 'kk', 'operator.almaty', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect((await alert.innerText()).trim()).toBe(MESSAGES.kk.http['invalid-credentials']);
    expect(await page.getByLabel(uiText('kk', 'login:password')).inputValue()).toBe('');
    await expectPath(page, '/login');
    await checkAccessibility(page, 'sign-in refused');
    await screenshot(page, 'login-wrong-password');
  });

  const HOMES: Array<{ username: string; home: string; menu: string[] }> = [
    { username: 'operator.almaty', home: '/queue', menu: ['nav.queue', 'nav.dashboard'] },
    { username: 'supervisor.almaty', home: '/queue', menu: ['nav.queue', 'nav.board', 'nav.dashboard'] },
    { username: 'central.reception', home: '/queue', menu: ['nav.queue', 'nav.board', 'nav.dashboard'] },
    { username: 'admin', home: '/admin/users', menu: ['nav.users', 'nav.audit'] },
  ];

  it.each(HOMES)(
    '$username signs in to $home, sees the menu of the role, and signs out',
    async ({ username, home, menu }) => {
      const user = demoUser(username);
      const page = await open();
      const refreshes: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname === '/api/v1/auth/refresh') refreshes.push(request.url());
      });
      await goto(page, '/login');
      await signIn(page, 'kk', user.username, user.password);
      await expectPath(page, home);
      // The account's language takes over from the browser's.
      const language = user.language;
      const nav = page.getByRole('navigation', { name: uiText(language, 'nav.label') });
      await nav.waitFor();
      const links = await nav.getByRole('link').allInnerTexts();
      expect(links.map((text) => text.trim())).toEqual(menu.map((key) => uiText(language, key)));
      await waitForText(page, `${user.username} · ${uiText(language, `roles.${user.role}`)}`, {
        scope: page.getByRole('banner'),
      });
      // Signing in (and the account's language taking over) spends no refresh token: a reload or a second tab
      // racing such a refresh would present a spent token and end the session.
      expect(refreshes).toEqual([]);
      await checkAccessibility(page, `home of ${user.role}`);
      await screenshot(page, `home-${user.role}`);

      await page.getByRole('button', { name: uiText(language, 'nav.logout') }).click();
      await expectPath(page, '/login');
      await page.getByRole('heading', { level: 1, name: uiText(language, 'login:title') }).waitFor();
      // Signed out for real: the staff pages send back to the sign-in, a reload included.
      await goto(page, home);
      await expectPath(page, '/login');
    },
  );

  it('switches to Kazakh with the language select, signed out and signed in, with nothing left untranslated', async () => {
    const page = await open('desktop', 'en-GB');
    await goto(page, '/login');
    await page.getByRole('heading', { level: 1, name: uiText('en', 'login:title') }).waitFor();

    await page.getByLabel('Language').selectOption({ label: 'Қазақша' });
    await page.getByRole('heading', { level: 1, name: uiText('kk', 'login:title') }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('kk');
    await expectNoUntranslatedKeys(page, { language: 'kk' });
    await screenshot(page, 'login-kk');

    // central.reception's account is in English: signing in brings English back; the switch makes it Kazakh.
    const user = demoUser('central.reception');
    await signIn(page, 'kk', user.username, user.password);
    await page.getByRole('navigation', { name: uiText('en', 'nav.label') }).waitFor();
    await page.getByLabel(uiText('en', 'language.label')).selectOption({ label: 'Қазақша' });
    const nav = page.getByRole('navigation', { name: uiText('kk', 'nav.label') });
    await nav.waitFor();
    await nav.getByRole('link', { name: uiText('kk', 'nav.board') }).waitFor();
    await expectNoUntranslatedKeys(page, { language: 'kk', data: [user.username] });
    await screenshot(page, 'header-kk');

    // The account keeps the choice: a reload (the session goes on) is still in Kazakh.
    await page.reload();
    await page.getByRole('navigation', { name: uiText('kk', 'nav.label') }).waitFor();
    expect(await page.getByLabel(uiText('kk', 'language.label')).inputValue()).toBe('kk');
    // And back: the demo account is in English for the other tests.
    await page.getByLabel(uiText('kk', 'language.label')).selectOption({ label: 'English' });
    await page.getByRole('navigation', { name: uiText('en', 'nav.label') }).waitFor();
  });

  it('lets the keyboard skip the header: Tab from the top reaches the skip link, which moves focus to main', async () => {
    const user = demoUser('supervisor.almaty');
    const page = await open();
    await goto(page, '/login');
    await signIn(page, 'kk', user.username, user.password);
    await expectPath(page, '/queue');
    // From the top of a freshly loaded page (the sign-in form's autofocus would start in the form).
    // At once, with nothing waited for: a reload right after signing in keeps the session.
    await page.reload();
    await page.getByRole('navigation', { name: uiText('ru', 'nav.label') }).waitFor();

    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: uiText('ru', 'nav.skip') });
    expect(await skip.and(page.locator(':focus')).count()).toBe(1);
    expect(await skip.isVisible()).toBe(true);
    await screenshot(page, 'keyboard-skip-link');

    await page.keyboard.press('Enter');
    await page.getByRole('main').and(page.locator(':focus')).waitFor();
  });

  it('keeps the staff frame usable on a phone', async () => {
    const user = demoUser('operator.almaty');
    const page = await open('phone');
    await goto(page, '/login');
    await signIn(page, 'kk', user.username, user.password);
    await expectPath(page, '/queue');
    const nav = page.getByRole('navigation', { name: uiText('kk', 'nav.label') });
    await nav.getByRole('link', { name: uiText('kk', 'nav.dashboard') }).tap();
    await expectPath(page, '/dashboard');
    await checkAccessibility(page, 'staff frame (phone)');
    await expectNoSidewaysScroll(page);
    await screenshot(page, 'staff-frame-phone');
  });
});
