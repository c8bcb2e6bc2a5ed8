import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LIFECYCLE_EVENT_TYPES, NotificationEventTypes } from '@app/contracts/event-types';
import { ACTION_ORDER } from './case-actions';
import {
  ACTOR_KINDS,
  APPEAL_KINDS,
  DEADLINE_CAUSES,
  ESCALATION_REASONS,
  NOTIFICATION_CHANNELS,
  REFUSAL_CODES,
  TIMELINE_TITLE_KEYS,
  TRANSFER_DECISIONS,
} from './timeline';

type Texts = { [key: string]: string | Texts };

function keysOf(texts: Texts, prefix = ''): string[] {
  return Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

const LANGUAGES = ['kk', 'ru', 'en'] as const;
const texts = Object.fromEntries(
  LANGUAGES.map((language) => [
    language,
    JSON.parse(readFileSync(join(__dirname, `../../i18n/locales/${language}/case.json`), 'utf8')) as Texts,
  ]),
) as Record<(typeof LANGUAGES)[number], Texts>;

describe('the case page’s texts', () => {
  const english = keysOf(texts.en).sort();

  it.each(LANGUAGES)('%s has exactly the same keys as English, none empty', (language) => {
    expect(keysOf(texts[language]).sort()).toEqual(english);
    const empty = keysOf(texts[language]).filter((key) => {
      const value = key
        .split('.')
        .reduce<Texts | string>((node, part) => (node as Texts)[part], texts[language]);
      return typeof value !== 'string' || value.trim() === '';
    });
    expect(empty).toEqual([]);
  });

  it('has words for every timeline type, every action and every code the page names', () => {
    const needed = [
      ...[...LIFECYCLE_EVENT_TYPES, NotificationEventTypes.failed].map((type) => TIMELINE_TITLE_KEYS[type]),
      'timeline.type.notification-failed-organization',
      'timeline.type.unknown',
      ...ACTION_ORDER.map((action) => `actions.button.${action}`),
      ...ACTION_ORDER.map((action) => `actions.done.${action}`),
      ...['accept', 'resolve', 'reopen'].map((action) => `actions.confirm.${action}`),
      ...TRANSFER_DECISIONS.map((code) => `timeline.decision.${code}`),
      ...ESCALATION_REASONS.map((code) => `timeline.escalationReason.${code}`),
      ...REFUSAL_CODES.map((code) => `timeline.refusal.${code}`),
      ...NOTIFICATION_CHANNELS.map((code) => `timeline.channel.${code}`),
      ...ACTOR_KINDS.map((kind) => `timeline.actor.${kind}`),
      ...DEADLINE_CAUSES.map((cause) => `deadline.cause.${cause}`),
      ...APPEAL_KINDS.map((kind) => `kind.${kind}`),
      ...['required', 'tooLong', 'invalidDate', 'tooEarly', 'tooLate'].map((code) => `validation.${code}`),
      ...['text', 'reason', 'suggestedOrganizationId', 'dueAt', 'note'].map((field) => `field.${field}`),
    ];
    expect(needed.filter((key) => !english.includes(key))).toEqual([]);
  });

  it('has a field label for every detail the timeline shows', () => {
    const source = readFileSync(join(__dirname, 'timeline.ts'), 'utf8');
    const used = new Set<string>();
    for (const match of source.matchAll(/\.(?:text|number|time|phrase)\('([a-zA-Z]+)'/g))
      used.add(`timeline.field.${match[1]}`);
    for (const match of source.matchAll(/label: '(timeline\.field\.[a-zA-Z]+)'/g)) used.add(match[1]);
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((key) => !english.includes(key))).toEqual([]);
  });
});
