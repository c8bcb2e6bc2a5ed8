import { KAZAKHSTAN_OFFSET_MINUTES } from '@app/calendar';
import type { AppealLanguage } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { DateTime, FixedOffsetZone } from 'luxon';
import type { LocalizedText, RenderedContent } from '../channels/delivery-channel';
import { LANGUAGES, type LanguageMessages, loadCatalogue, type MessageCatalogue } from './message-catalogue';
import {
  CITIZEN_TEMPLATES,
  type CitizenTemplate,
  type MessageParams,
  STAFF_TEMPLATES,
  type StaffTemplate,
} from './message-params';

export { CITIZEN_TEMPLATES, STAFF_TEMPLATES } from './message-params';
export type { CitizenTemplate, MessageParams, StaffTemplate } from './message-params';

/**
 * `text`: plain-text e-mail, SMS, in-app; nothing is escaped (none of them is HTML; the console escapes what it
 * shows). `html`: the HTML e-mail; every param is escaped, links become anchors.
 */
type Mode = 'text' | 'html';
type Render = (params: MessageParams) => string;

interface CitizenRenders {
  subject: Render;
  text: Render;
  html: Render;
  sms: Render;
}

interface StaffRenders {
  title: Render;
  body: Render;
}

interface LayoutContext {
  language: AppealLanguage;
  subject: string;
  paragraphs: Handlebars.SafeString[];
}

const KAZAKHSTAN = FixedOffsetZone.instance(KAZAKHSTAN_OFFSET_MINUTES);
const LINK = /^https?:\/\/\S+$/;

/** A timestamp as its date in Kazakhstan (UTC+5), in the language's words (month names from ICU). */
export function formatDate(iso: unknown, language: AppealLanguage, format: string): string {
  if (typeof iso !== 'string') throw new Error('{{date}} needs an ISO timestamp');
  const key = `${language} ${format} ${iso}`;
  const known = formattedDates.get(key);
  if (known !== undefined) return known;
  const date = DateTime.fromISO(iso, { zone: KAZAKHSTAN });
  if (!date.isValid) throw new Error('{{date}} needs an ISO timestamp');
  const formatted = date.setLocale(language).toFormat(format);
  // Most messages of a day name the same few due dates: formatting is luxon's costliest work here.
  if (formattedDates.size >= FORMATTED_DATES_KEPT) formattedDates.clear();
  formattedDates.set(key, formatted);
  return formatted;
}

const FORMATTED_DATES_KEPT = 10_000;
const formattedDates = new Map<string, string>();

/**
 * One Handlebars environment per language and mode: the helpers speak the language, and the partials are
 * compiled with the mode's escaping (Handlebars keeps a partial compiled by its first caller, so two modes
 * cannot share an environment).
 */
function environment(messages: LanguageMessages, language: AppealLanguage, mode: Mode): typeof Handlebars {
  const env = Handlebars.create();
  env.registerHelper('date', (iso: unknown) => formatDate(iso, language, messages.dateFormat));
  env.registerHelper('reason', (code: unknown) => {
    if (typeof code !== 'string' || !Object.hasOwn(messages.escalationReasons, code))
      throw new Error('{{reason}} needs an escalation reason');
    return messages.escalationReasons[code as keyof LanguageMessages['escalationReasons']];
  });
  // Only http(s): a `javascript:` link must never become clickable. The URL itself is not in the error: it may
  // carry the citizen's secret.
  env.registerHelper('link', (url: unknown) => {
    if (typeof url !== 'string' || !LINK.test(url)) throw new Error('{{link}} needs an http(s) URL');
    if (mode === 'text') return url;
    const escaped = env.escapeExpression(url);
    return new env.SafeString(`<a href="${escaped}">${escaped}</a>`);
  });
  for (const [name, source] of Object.entries(messages.partials))
    env.registerPartial(name, env.compile(source, compileOptions(mode)));
  return env;
}

/**
 * Strict: a param the template names but the caller did not give fails loudly instead of printing nothing.
 * Not standalone: a `{{> greeting}}` line keeps its line break, so the blank line after it still ends a paragraph.
 */
function compileOptions(mode: Mode): CompileOptions {
  return { strict: true, noEscape: mode === 'text', ignoreStandalone: true };
}

function compile(env: typeof Handlebars, source: string, mode: Mode, where: string): Render {
  const template = env.compile<MessageParams>(source, compileOptions(mode));
  return (params) => {
    try {
      return template(params);
    } catch (error) {
      // Handlebars names the missing field, never a value: no personal data in the message.
      throw new Error(`Message template ${where}: ${(error as Error).message}`);
    }
  };
}

/** The paragraphs of a rendered body: blank lines separate them; one an absent optional part left empty goes. */
function paragraphs(rendered: string): string[] {
  return rendered
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

function byLanguage<T>(render: (language: AppealLanguage) => T): Record<AppealLanguage, T> {
  return Object.fromEntries(LANGUAGES.map((language) => [language, render(language)])) as Record<
    AppealLanguage,
    T
  >;
}

function byName<N extends string, T>(names: readonly N[], render: (name: N) => T): Record<N, T> {
  return Object.fromEntries(names.map((name) => [name, render(name)])) as Record<N, T>;
}

/**
 * Renders what a notification says, once, when it is planned. The template files (`apps/notification/templates`)
 * are read and compiled when the service starts; see docs/notification.md, "Templates".
 */
@Injectable()
export class MessageRenderer {
  private readonly citizenRenders: Record<AppealLanguage, Record<CitizenTemplate, CitizenRenders>>;
  private readonly staffRenders: Record<AppealLanguage, Record<StaffTemplate, StaffRenders>>;
  private readonly layout: (context: LayoutContext) => string;

  constructor() {
    const catalogue: MessageCatalogue = loadCatalogue();
    this.citizenRenders = byLanguage((language) => {
      const messages = catalogue.languages[language];
      const text = environment(messages, language, 'text');
      const html = environment(messages, language, 'html');
      return byName(CITIZEN_TEMPLATES, (name) => {
        const parts = messages.citizen[name];
        const where = (part: string) => `${name} (${language}, ${part})`;
        return {
          subject: compile(text, parts.subject, 'text', where('subject')),
          text: compile(text, parts.body, 'text', where('body')),
          html: compile(html, parts.body, 'html', where('body, html')),
          sms: compile(text, parts.sms, 'text', where('sms')),
        };
      });
    });
    this.staffRenders = byLanguage((language) => {
      const messages = catalogue.languages[language];
      const text = environment(messages, language, 'text');
      return byName(STAFF_TEMPLATES, (name) => ({
        title: compile(text, messages.staff[name].title, 'text', `${name} (${language}, title)`),
        body: compile(text, messages.staff[name].body, 'text', `${name} (${language}, body)`),
      }));
    });
    this.layout = Handlebars.create().compile<LayoutContext>(catalogue.layout, compileOptions('html'));
  }

  /** The citizen's e-mail (subject, plain text, HTML) or SMS, in the appeal's language. */
  citizen(
    template: CitizenTemplate,
    channel: 'email' | 'sms',
    language: AppealLanguage,
    params: MessageParams,
  ): RenderedContent {
    const renders = this.citizenRenders[language]?.[template];
    if (!renders) throw new Error(`No citizen message ${template} in language ${language}`);
    if (channel === 'sms') return { kind: 'sms', text: renders.sms(params) };
    const subject = renders.subject(params);
    // The HTML body was rendered with its params escaped, so a line break may become markup here.
    const html = paragraphs(renders.html(params)).map(
      (paragraph) => new Handlebars.SafeString(paragraph.replaceAll('\n', '<br>\n')),
    );
    return {
      kind: 'email',
      subject,
      text: paragraphs(renders.text(params)).join('\n\n'),
      html: this.layout({ language, subject, paragraphs: html }),
    };
  }

  /** A message to an organisation's staff in every language; the console shows its user's. */
  staff(template: StaffTemplate, params: MessageParams): RenderedContent {
    const render = (part: keyof StaffRenders): LocalizedText =>
      byLanguage((language) => {
        const renders = this.staffRenders[language][template];
        if (!renders) throw new Error(`No staff message ${template}`);
        return renders[part](params);
      });
    return { kind: 'in-app', title: render('title'), body: render('body') };
  }
}
