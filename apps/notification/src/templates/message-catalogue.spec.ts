import { EscalationReason } from '@app/contracts';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { CITIZEN_PARTS, LANGUAGES, loadCatalogue, STAFF_PARTS, templatesDir } from './message-catalogue';
import { CITIZEN_TEMPLATES, STAFF_TEMPLATES } from './message-params';

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;
/** Template text with its `{{…}}` tags taken out: what the reader sees besides the params. */
const wording = (source: string) => source.replace(/\{\{[^}]*\}\}/g, ' ');

type RawFile = Record<string, Record<string, unknown>>;

function rawFile(language: string): RawFile {
  return parse(readFileSync(path.join(templatesDir(), `messages.${language}.yaml`), 'utf8')) as RawFile;
}

describe('the template files', () => {
  const catalogue = loadCatalogue();

  it.each(LANGUAGES)('%s has every template in every part, and nothing else', (language) => {
    const raw = rawFile(language);
    expect(Object.keys(raw.citizen).sort()).toEqual([...CITIZEN_TEMPLATES].sort());
    expect(Object.keys(raw.staff).sort()).toEqual([...STAFF_TEMPLATES].sort());
    const messages = catalogue.languages[language];
    for (const template of CITIZEN_TEMPLATES)
      for (const part of CITIZEN_PARTS) expect(messages.citizen[template][part].trim()).not.toBe('');
    for (const template of STAFF_TEMPLATES)
      for (const part of STAFF_PARTS) expect(messages.staff[template][part].trim()).not.toBe('');
    expect(Object.keys(messages.escalationReasons).sort()).toEqual(Object.values(EscalationReason).sort());
  });

  it('Kazakh is written in Kazakh: its own letters in every text, and never the Russian text', () => {
    const { kk, ru } = catalogue.languages;
    for (const template of CITIZEN_TEMPLATES)
      for (const part of CITIZEN_PARTS) {
        expect(`${template}.${part}: ${kk.citizen[template][part]}`).toMatch(KAZAKH_LETTERS);
        expect(kk.citizen[template][part]).not.toBe(ru.citizen[template][part]);
      }
    for (const template of STAFF_TEMPLATES)
      for (const part of STAFF_PARTS) {
        expect(`${template}.${part}: ${kk.staff[template][part]}`).toMatch(KAZAKH_LETTERS);
        expect(kk.staff[template][part]).not.toBe(ru.staff[template][part]);
      }
    for (const reason of Object.values(EscalationReason))
      expect(kk.escalationReasons[reason]).toMatch(KAZAKH_LETTERS);
  });

  it.each(['kk', 'ru'] as const)(
    '%s has no Latin words outside the params (no English left over)',
    (language) => {
      const messages = catalogue.languages[language];
      const all = [
        ...Object.values(messages.partials),
        ...Object.values(messages.escalationReasons),
        ...Object.values(messages.citizen).flatMap((parts) => Object.values(parts)),
        ...Object.values(messages.staff).flatMap((parts) => Object.values(parts)),
      ];
      for (const source of all) expect(wording(source)).not.toMatch(/[A-Za-z]/);
    },
  );
});

describe('loading the template files', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'templates-'));
    cpSync(templatesDir(), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function edit(language: string, change: (file: RawFile) => void): void {
    const file = path.join(dir, `messages.${language}.yaml`);
    const raw = parse(readFileSync(file, 'utf8')) as RawFile;
    change(raw);
    writeFileSync(file, stringify(raw));
  }

  it('takes the copy as it is', () => {
    expect(() => loadCatalogue(dir)).not.toThrow();
  });

  it('refuses a language without its file', () => {
    rmSync(path.join(dir, 'messages.kk.yaml'));
    expect(() => loadCatalogue(dir)).toThrow(/messages\.kk\.yaml/);
  });

  it('refuses a template missing in one language', () => {
    edit('en', (raw) => delete raw.staff['appeal-reopened']);
    expect(() => loadCatalogue(dir)).toThrow(/messages\.en\.yaml: staff lacks appeal-reopened/);
  });

  it('refuses a template that is not in the lists', () => {
    edit('ru', (raw) => (raw.citizen['appeal-forgotten'] = { subject: 's', body: 'b', sms: 't' }));
    expect(() => loadCatalogue(dir)).toThrow(/citizen has unknown appeal-forgotten/);
  });

  it('refuses a missing or empty part', () => {
    edit('kk', (raw) => delete (raw.citizen['appeal-routed'] as Record<string, string>).sms);
    expect(() => loadCatalogue(dir)).toThrow(/citizen\.appeal-routed lacks sms/);
    edit('kk', (raw) => ((raw.citizen['appeal-routed'] as Record<string, string>).sms = '  '));
    expect(() => loadCatalogue(dir)).toThrow(/citizen\.appeal-routed\.sms is not a non-empty text/);
  });

  it('refuses an escalation reason without words', () => {
    edit('en', (raw) => delete raw.escalationReasons.manual);
    expect(() => loadCatalogue(dir)).toThrow(/escalationReasons lacks manual/);
  });

  it('refuses a template that does not parse, naming where', () => {
    edit('ru', (raw) => ((raw.staff['deadline-warning'] as Record<string, string>).body = '{{#if dueAt}}x'));
    expect(() => loadCatalogue(dir)).toThrow(/staff\.deadline-warning\.body: Parse error/);
  });

  it('refuses partials that differ between languages', () => {
    edit('en', (raw) => delete raw.partials.footer);
    expect(() => loadCatalogue(dir)).toThrow(/partials of en/);
  });
});
