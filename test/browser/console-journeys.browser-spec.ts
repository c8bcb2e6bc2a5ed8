import type { Locator, Page } from 'playwright-core';
import {
  checkAccessibility,
  expectNoUntranslatedKeys,
  screenshot,
  uiText,
  waitForText,
} from '../support/browser';
import { DEMO_SYSTEM, demoUser, startBrowserStack, type BrowserStack } from '../support/browser-stack';
import { answerLinkFor } from '../support/citizen-mail';
import {
  Browsers,
  expectNoSidewaysScroll,
  expectPath,
  signIn,
  type Language,
} from '../support/console-pages';

/**
 * What people do in the console, in Chromium, against the whole system started as `npm start` starts it: an
 * appeal an external system published to Kafka reaches the operator's queue without a reload and is answered, and
 * the citizen reads and accepts the answer on the public pages; a supervisor extends a deadline and escalates a
 * case, which the central reception finds on its board; the dashboard draws its charts; every screen is in
 * Kazakh with nothing left untranslated, passes axe-core, fits a phone, and is kept as a screenshot.
 */
jest.setTimeout(240_000);

let stack: BrowserStack;
const browsers = new Browsers(() => stack.consoleUrl);

beforeAll(async () => {
  stack = await startBrowserStack('console-journeys');
});

afterAll(async () => {
  await stack?.stop();
});

afterEach(() => browsers.closeAll());

/** Opens a browser and signs in as a demo user; the UI then speaks the account's language. */
async function signedIn(username: string, viewport: 'desktop' | 'phone' = 'desktop'): Promise<Page> {
  const user = demoUser(username);
  const page = await browsers.open(viewport);
  await browsers.goto(page, '/login');
  await signIn(page, 'kk', user.username, user.password);
  await page.getByRole('navigation', { name: uiText(user.language, 'nav.label') }).waitFor();
  return page;
}

/** The form an action's button opens (named as the button), its fields labelled, its submit named as it is. */
async function takeAction(
  page: Page,
  language: Language,
  action: string,
  fields: Record<string, string> = {},
): Promise<void> {
  const name = uiText(language, `case:actions.button.${action}`);
  await page.getByRole('button', { name, exact: true }).click();
  const form = page.getByRole('form', { name });
  for (const [field, value] of Object.entries(fields))
    await form.getByLabel(uiText(language, `case:field.${field}`)).fill(value);
  // A step without fields is a confirmation; a form is sent with the action's own name.
  const submit = uiText(
    language,
    Object.keys(fields).length > 0 ? `case:actions.button.${action}` : 'case:actions.confirmYes',
  );
  await form.getByRole('button', { name: submit, exact: true }).click();
  try {
    await waitForText(page, uiText(language, `case:actions.done.${action}`));
  } catch (error) {
    // What the page said instead (a refusal, a field's message) is in the picture.
    await screenshot(page, `failed-${action}`);
    throw error;
  }
}

/** The case page's status, as the facts list shows it. */
async function expectStatus(page: Page, language: Language, status: string): Promise<void> {
  await waitForText(page, uiText(language, `common:status.${status}`), { scope: page.getByRole('main') });
}

/** Axe, no untranslated text in the page's language, no sideways scroll on a phone, and a screenshot. */
async function checkScreen(
  page: Page,
  name: string,
  { language, data = [], phone = false }: { language: Language; data?: string[]; phone?: boolean },
): Promise<void> {
  await checkAccessibility(page, name);
  // The submitting system's id (urn:portal:demo) is data, shown as it is.
  await expectNoUntranslatedKeys(
    page,
    language === 'en' ? {} : { language, data: [...data, DEMO_SYSTEM.source] },
  );
  if (phone) await expectNoSidewaysScroll(page);
  await screenshot(page, name);
}

function deadlineOf(page: Page, language: Language): Locator {
  return page.getByRole('region', { name: uiText(language, 'case:sections.deadline') });
}

describe('the console in a browser: the journeys of its users', () => {
  it('an operator answers an appeal a portal published to Kafka, and the citizen reads and accepts the answer', async () => {
    const operator = await signedIn('operator.almaty');
    await expectPath(operator, '/queue');
    // The queue is open before the appeal exists: it must appear without a reload.
    const appeal = await stack.publishAppeal({ subject: 'Аула жарығы сөнген', regionKato: '751110000' });
    const row = operator.getByRole('row').filter({ hasText: appeal.trackingNumber });
    await row.waitFor({ timeout: 60_000 });
    await checkScreen(operator, 'queue-operator-kk', { language: 'kk', data: ['operator.almaty'] });

    await row.getByRole('link', { name: appeal.trackingNumber }).click();
    await expectPath(operator, `/cases/${appeal.appealId}`);
    await waitForText(operator, appeal.data.text.slice(0, 40));
    await waitForText(operator, appeal.data.citizen.fullName);
    // The deadline, explained, once escalation has set it.
    await deadlineOf(operator, 'kk').locator('time').first().waitFor({ timeout: 60_000 });
    await checkScreen(operator, 'case-operator-kk', {
      language: 'kk',
      data: ['operator.almaty', appeal.data.citizen.email ?? '', appeal.data.category],
    });

    await takeAction(operator, 'kk', 'accept');
    await expectStatus(operator, 'kk', 'in-work');
    const answer = 'Көше жарығы 5 желтоқсанға дейін қалпына келтіріледі. Жұмысқа мердігер тағайындалды.';
    // An empty answer is refused next to its field before anything is sent.
    await operator
      .getByRole('button', { name: uiText('kk', 'case:actions.button.respond'), exact: true })
      .click();
    const respond = operator.getByRole('form', { name: uiText('kk', 'case:actions.button.respond') });
    await respond
      .getByRole('button', { name: uiText('kk', 'case:actions.button.respond'), exact: true })
      .click();
    const textField = respond.getByLabel(uiText('kk', 'case:field.text'));
    expect(await textField.getAttribute('aria-invalid')).toBe('true');
    await screenshot(operator, 'case-respond-validation-kk');
    await respond.getByRole('button', { name: uiText('kk', 'case:actions.cancel') }).click();
    await takeAction(operator, 'kk', 'respond', { text: answer });
    await expectStatus(operator, 'kk', 'answered');

    // The citizen, on a phone, with no account: the public tracking page by the number alone.
    const citizen = await browsers.open('phone');
    await browsers.goto(citizen, '/track');
    await citizen.getByLabel(uiText('kk', 'tracking:form.label')).fill(appeal.trackingNumber.toLowerCase());
    await citizen.getByRole('button', { name: uiText('kk', 'tracking:form.submit') }).click();
    await expectPath(citizen, `/track/${appeal.trackingNumber}`);
    await waitForText(citizen, uiText('kk', 'common:status.answered'));
    await waitForText(citizen, uiText('kk', 'tracking:status.answered').split('{{')[0].trim());
    const page = await citizen.content();
    for (const personal of [appeal.data.citizen.fullName, appeal.data.subject, appeal.data.text])
      expect(page).not.toContain(personal);
    await checkScreen(citizen, 'tracking-citizen-phone-kk', {
      language: 'kk',
      phone: true,
      data: [appeal.trackingNumber],
    });

    // The message notification sent carries the link to the answer: it shows the answer, and takes the decision.
    await citizen.goto(await answerLinkFor(stack.mailDir, appeal.trackingNumber, 60_000));
    await waitForText(citizen, answer);
    await checkScreen(citizen, 'answer-citizen-phone-kk', {
      language: 'kk',
      phone: true,
      data: [appeal.trackingNumber],
    });
    await citizen.getByRole('button', { name: uiText('kk', 'tracking:answer.accept') }).tap();
    await waitForText(citizen, uiText('kk', 'tracking:answer.accepted'));

    // The operator's page follows by itself: the citizen's acceptance resolved the case.
    await expectStatus(operator, 'kk', 'resolved');
  });

  it('a supervisor extends a deadline and sees the new date, then escalates a case the central reception finds on its board', async () => {
    const toExtend = await stack.publishAppeal({ subject: 'Жылу берілмейді', regionKato: '751110000' });
    const toEscalate = await stack.publishAppeal({ subject: 'Қоқыс шығарылмайды', regionKato: '751110000' });
    const supervisor = await signedIn('supervisor.almaty');

    await browsers.goto(supervisor, `/cases/${toExtend.appealId}`);
    const deadline = deadlineOf(supervisor, 'ru');
    const due = deadline.locator('time').first();
    await due.waitFor({ timeout: 60_000 });
    const before = await due.getAttribute('datetime');

    await supervisor
      .getByRole('button', { name: uiText('ru', 'case:actions.button.extend'), exact: true })
      .click();
    const form = supervisor.getByRole('form', { name: uiText('ru', 'case:actions.button.extend') });
    const date = form.getByLabel(uiText('ru', 'case:field.dueAt'));
    // A day beyond the legal limit is refused next to the field, before anything is sent.
    const latest = (await date.getAttribute('max')) as string;
    const earliest = (await date.getAttribute('min')) as string;
    expect(latest >= earliest).toBe(true);
    await date.fill(dayAfter(latest));
    await form.getByLabel(uiText('ru', 'case:field.reason')).fill('Нужна экспертиза');
    await form.getByRole('button', { name: uiText('ru', 'case:actions.button.extend'), exact: true }).click();
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await checkScreen(supervisor, 'case-extend-validation-ru', {
      language: 'ru',
      data: ['supervisor.almaty'],
    });
    await form.getByRole('button', { name: uiText('ru', 'case:actions.cancel') }).click();

    await takeAction(supervisor, 'ru', 'extend', { dueAt: latest, reason: 'Нужна экспертиза' });
    // Escalation moves the clock; the page shows the new date when the case has it.
    await deadline.getByText(uiText('ru', 'case:deadline.extended')).waitFor({ timeout: 60_000 });
    const after = await due.getAttribute('datetime');
    expect(after).not.toBe(before);
    expect(kazakhstanDayOf(after as string)).toBe(latest);
    await checkScreen(supervisor, 'case-extended-ru', { language: 'ru', data: ['supervisor.almaty'] });

    await browsers.goto(supervisor, `/cases/${toEscalate.appealId}`);
    await deadlineOf(supervisor, 'ru').locator('time').first().waitFor({ timeout: 60_000 });
    await takeAction(supervisor, 'ru', 'escalate', { reason: 'Акимат не отвечает жителям' });

    const central = await signedIn('central.reception');
    await central
      .getByRole('navigation')
      .getByRole('link', { name: uiText('en', 'nav.board') })
      .click();
    await expectPath(central, '/board');
    await central.getByRole('link', { name: toEscalate.trackingNumber }).waitFor({ timeout: 60_000 });
    await checkScreen(central, 'board-central-en', { language: 'en' });
    await central
      .getByRole('navigation')
      .getByRole('link', { name: uiText('en', 'nav.dashboard') })
      .click();
    await expectPath(central, '/dashboard');
    // Charts drawn by ECharts (SVG), each an image with its summary for screen readers.
    const charts = central.locator('[role="img"]');
    await charts.first().locator('svg').waitFor();
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (const chart of await charts.all())
      expect((await chart.getAttribute('aria-label'))?.length).toBeGreaterThan(10);
    await checkScreen(central, 'dashboard-central-en', { language: 'en' });
  });

  it('shows every screen in Kazakh with nothing untranslated, accessible at 1280×800 and on a phone', async () => {
    const appeal = await stack.publishAppeal({ subject: 'Жол белгісі құлаған', regionKato: '751110000' });
    for (const viewport of ['desktop', 'phone'] as const) {
      const phone = viewport === 'phone';
      const central = await signedIn('central.reception', viewport);
      await central.getByLabel(uiText('en', 'language.label')).selectOption({ label: 'Қазақша' });
      await central.getByRole('navigation', { name: uiText('kk', 'nav.label') }).waitFor();
      const screens: Array<[name: string, path: string, ready: string]> = [
        ['queue', '/queue', 'queue:title'],
        ['case', `/cases/${appeal.appealId}`, 'case:sections.deadline'],
        ['board', '/board', 'board:title'],
        ['dashboard', '/dashboard', 'dashboard:title'],
      ];
      for (const [name, path, ready] of screens) {
        await browsers.goto(central, path);
        await central
          .getByRole('heading', { name: uiText('kk', ready) })
          .first()
          .waitFor({ timeout: 60_000 });
        await checkScreen(central, `${name}-central-${viewport}-kk`, {
          language: 'kk',
          phone,
          data: ['central.reception', appeal.data.citizen.email ?? '', appeal.data.category],
        });
      }
      // Back to English: the demo account keeps its language for the other tests.
      await central.getByLabel(uiText('kk', 'language.label')).selectOption({ label: 'English' });
      await central.getByRole('navigation', { name: uiText('en', 'nav.label') }).waitFor();

      const admin = await signedIn('admin', viewport);
      await admin.getByLabel(uiText('ru', 'language.label')).selectOption({ label: 'Қазақша' });
      for (const [name, path, ready] of [
        ['users', '/admin/users', 'admin:users.title'],
        ['audit', '/admin/audit', 'admin:audit.title'],
      ]) {
        await browsers.goto(admin, path);
        await admin.getByRole('heading', { level: 1, name: uiText('kk', ready) }).waitFor();
        await checkScreen(admin, `${name}-admin-${viewport}-kk`, { language: 'kk', phone, data: ['admin'] });
      }
      await admin.getByLabel(uiText('kk', 'language.label')).selectOption({ label: 'Русский' });
      await admin.getByRole('navigation', { name: uiText('ru', 'nav.label') }).waitFor();
    }
  });
});

/** `YYYY-MM-DD` of the day after. */
function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The day of an instant in Kazakhstan (UTC+5). */
function kazakhstanDayOf(instant: string): string {
  return new Date(Date.parse(instant) + 5 * 3_600_000).toISOString().slice(0, 10);
}
