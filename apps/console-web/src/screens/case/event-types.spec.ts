import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventTypes, LIFECYCLE_EVENT_TYPES, NotificationEventTypes } from './event-types';

/** The contract read as text: the web UI may not import server code, not even in a spec. */
const contract = readFileSync(join(__dirname, '../../../../../libs/contracts/src/event-types.ts'), 'utf8');

function typesIn(source: string, prefix: string): string[] {
  return [...source.matchAll(new RegExp(`'(${prefix.replace(/\./g, '\\.')}[a-z-]+\\.v\\d+)'`, 'g'))]
    .map((match) => match[1])
    .sort();
}

describe('the event types the case page knows', () => {
  it('are exactly the contract’s appeal types', () => {
    expect([...Object.values(EventTypes)].sort()).toEqual(typesIn(contract, 'kz.appeals.'));
  });

  it('are exactly the contract’s notification outcomes', () => {
    expect([...Object.values(NotificationEventTypes)].sort()).toEqual(typesIn(contract, 'kz.notifications.'));
  });

  it('list every lifecycle type the contract lists', () => {
    const lifecycle =
      /LIFECYCLE_EVENT_TYPES[^=]*=\s*Object\.freeze\(\[([\s\S]*?)\]\)/.exec(contract)?.[1] ?? '';
    const names = [...lifecycle.matchAll(/EventTypes\.(\w+)/g)].map((match) => match[1]);
    expect(names.length).toBeGreaterThan(10);
    expect(names.map((name) => EventTypes[name as keyof typeof EventTypes]).sort()).toEqual(
      [...LIFECYCLE_EVENT_TYPES].sort(),
    );
  });
});
