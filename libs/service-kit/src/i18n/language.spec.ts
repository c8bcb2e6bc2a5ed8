import { negotiateLanguage } from './language';

describe('negotiateLanguage', () => {
  it.each<[string | undefined, string]>([
    [undefined, 'en'],
    ['', 'en'],
    ['kk', 'kk'],
    ['ru', 'ru'],
    ['en', 'en'],
    ['kk-KZ', 'kk'],
    ['ru-KZ,ru;q=0.9', 'ru'],
    ['KK', 'kk'],
    ['kz', 'kk'],
    ['de, fr;q=0.9', 'en'],
    ['de, ru;q=0.3', 'ru'],
    ['en;q=0.5, kk;q=0.8, ru;q=0.7', 'kk'],
    ['ru;q=0.7, kk;q=0.7', 'ru'],
    ['ru;q=0, kk;q=0.1', 'kk'],
    ['ru;q=0', 'en'],
    ['*', 'en'],
    ['en;q=0, *', 'kk'],
    ['de, *;q=0.5', 'en'],
    ['ru;q=abc, kk;q=0.2', 'kk'],
    ['ru;q=2, kk;q=0.2', 'kk'],
    ['ru-RU,ru;q=0.9,en-US;q=0.8,en;q=0.7', 'ru'],
  ])('answers %p in %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });

  it('reads a header given as several lines', () => {
    expect(negotiateLanguage(['de', 'kk;q=0.4'])).toBe('kk');
  });

  it('reads only the first entries of a header of any length', () => {
    expect(negotiateLanguage(`${'de;q=0.9,'.repeat(100_000)}kk`)).toBe('en');
  });
});
