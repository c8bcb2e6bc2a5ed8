import { initialLanguage, localeOf } from './languages';

describe('the UI language', () => {
  it('keeps the language the user chose before', () => {
    expect(initialLanguage('ru', ['en-US'])).toBe('ru');
  });

  it("takes the browser's first language that the console speaks", () => {
    expect(initialLanguage(null, ['de-DE', 'en-GB', 'ru'])).toBe('en');
    expect(initialLanguage('xx', ['ru-KZ'])).toBe('ru');
  });

  it('starts in Kazakh, the state language, when the browser prefers none of ours', () => {
    expect(initialLanguage(null, ['de-DE', 'fr'])).toBe('kk');
  });

  it('formats dates for Kazakhstan', () => {
    expect(localeOf('kk')).toBe('kk-KZ');
    expect(localeOf('xx')).toBe('kk-KZ');
  });
});
