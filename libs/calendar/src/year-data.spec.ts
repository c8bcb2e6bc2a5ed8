import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { lawDaysOff } from './holiday-rules';
import { calendarDataDir, WorkingCalendar } from './working-calendar';
import { loadYearData } from './year-data';

describe('the shipped year files', () => {
  const years = [...loadYearData(calendarDataDir()).values()];

  it.each(years.map((data) => [data.year, data] as const))(
    '%i: the law-based entries are exactly what the rules give',
    (_year, data) => {
      const kurbanAit = data.days.find((day) => day.holiday === 'kurban-ait')?.date;
      const fromData = data.days
        .filter((day) => day.code === 'holiday' || day.code === 'carry-over')
        .map(({ date, code, holiday, from }) =>
          from ? { date, code, holiday, from } : { date, code, holiday },
        );
      expect(fromData).toEqual(lawDaysOff(data.year, kurbanAit));
    },
  );

  it('every other entry comes from an order', () => {
    for (const data of years) {
      for (const day of data.days.filter((d) => d.code === 'transfer-off' || d.code === 'transfer-working')) {
        expect(day.source).toMatch(/^Order of the/);
      }
    }
  });
});

describe('a bad year file', () => {
  const good = {
    year: 2024,
    days: [
      { date: '2024-05-04', code: 'transfer-working', pairedWith: '2024-05-08', source: 'Order' },
      { date: '2024-05-08', code: 'transfer-off', pairedWith: '2024-05-04', source: 'Order' },
    ],
  };

  function loadWith(name: string, content: unknown): () => WorkingCalendar {
    const dir = mkdtempSync(path.join(tmpdir(), 'calendar-'));
    writeFileSync(path.join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
    return () => WorkingCalendar.load({ dataDir: dir, warn: () => undefined });
  }

  it('loads when it is right', () => {
    expect(loadWith('2024.json', good)().yearsWithData()).toEqual([2024]);
  });

  it.each([
    [
      'a wrong date',
      { ...good, days: [{ date: '2024-02-30', code: 'holiday', holiday: 'new-year', source: 'x' }] },
      /2024-02-30/,
    ],
    [
      'a date of another year',
      { ...good, days: [{ date: '2025-01-01', code: 'holiday', holiday: 'new-year', source: 'x' }] },
      /not in 2024/,
    ],
    ['a duplicate', { ...good, days: [...good.days, good.days[0]] }, /2024-05-04 is listed twice/],
    [
      'an unknown code',
      { ...good, days: [{ date: '2024-01-01', code: 'day-off', source: 'x' }] },
      /unknown code "day-off"/,
    ],
    [
      'an unknown holiday',
      { ...good, days: [{ date: '2024-01-01', code: 'holiday', holiday: 'x', source: 'x' }] },
      /unknown holiday/,
    ],
    [
      'a working entry on a weekday',
      {
        ...good,
        days: [
          { ...good.days[0], date: '2024-05-06' },
          { ...good.days[1], pairedWith: '2024-05-06' },
        ],
      },
      /transfer-working on a weekday/,
    ],
    ['a transfer without its pair', { ...good, days: [good.days[0]] }, /paired with 2024-05-08/],
    ['no source', { ...good, days: [{ ...good.days[0], source: '' }, good.days[1]] }, /has no source/],
    ['an unknown field', { ...good, extra: 1 }, /unknown field\(s\) extra/],
    ['a year unlike its name', { ...good, year: 2025 }, /not 2024/],
    ['broken JSON', '{ "year": ', /not valid JSON/],
  ])('is refused with %s, naming the file', (_what, content, message) => {
    const load = loadWith('2024.json', content);
    expect(load).toThrow(/2024\.json/);
    expect(load).toThrow(message);
  });

  it('is refused when its name is not a year', () => {
    expect(loadWith('2o24.json', good)).toThrow(/2o24\.json: the file name is not <year>\.json/);
  });
});
