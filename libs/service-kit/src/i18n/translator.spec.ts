import { translatorFor } from './translator';

const length = (max: number) => ({
  field: 'subject',
  reason: '…',
  code: 'isLength',
  params: { min: 1, max, count: max },
});

describe('translatorFor', () => {
  it('says a length limit in each language, Russian nouns agreeing with the number', () => {
    expect(translatorFor('en').field(length(300))).toBe('subject must be 1 to 300 characters long');
    expect(translatorFor('ru').field(length(300))).toBe(
      'Длина поля «subject» должна быть от 1 до 300 символов.',
    );
    expect(translatorFor('ru').field(length(21))).toBe(
      'Длина поля «subject» должна быть от 1 до 21 символа.',
    );
    expect(translatorFor('ru').field(length(64))).toBe(
      'Длина поля «subject» должна быть от 1 до 64 символов.',
    );
    expect(translatorFor('kk').field(length(300))).toBe(
      '«subject» өрісінің ұзындығы 1–300 таңба болуы керек.',
    );
  });

  it('gives a code without a message of its own the generic one, never the key', () => {
    expect(translatorFor('kk').field({ field: 'x', reason: '…', code: 'noSuchRule' })).toBe(
      '«x» өрісі дұрыс толтырылмаған.',
    );
    expect(translatorFor('ru').field({ field: 'x', reason: '…' })).toBe('Поле «x» заполнено неверно.');
  });

  it('quotes a field name as text, however it looks', () => {
    expect(
      translatorFor('en').field({ field: '{{count}}<b>', reason: '…', code: 'whitelistValidation' }),
    ).toBe('unknown property {{count}}<b>');
  });

  it('names the whole value when the field is the whole body', () => {
    expect(translatorFor('ru').field({ field: '', reason: '…', code: 'isObject' })).toBe(
      'Поле «значение» должно быть объектом.',
    );
  });

  it('knows the messages of refusals by code, and only those', () => {
    expect(translatorFor('ru').http('case-not-found')).toBe('Такое дело не найдено среди доступных вам.');
    expect(translatorFor('ru').http('toString')).toBeUndefined();
  });
});
