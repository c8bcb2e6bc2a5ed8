import type { FieldError } from '@app/contracts';
import i18next from 'i18next';
import { DEFAULT_LANGUAGE, type Language } from './language';
import { en, type HttpErrorCode, type Messages, type RequestMessage } from './messages/en';
import { kk } from './messages/kk';
import { ru } from './messages/ru';

export const MESSAGES: Readonly<Record<Language, Messages>> = { kk, ru, en };

const i18n = i18next.createInstance();
// Resources are in memory, so initialisation is synchronous: the instance is ready when this returns.
void i18n.init({
  initAsync: false,
  resources: Object.fromEntries(
    Object.entries(MESSAGES).map(([language, messages]) => [language, { translation: messages }]),
  ),
  supportedLngs: Object.keys(MESSAGES),
  fallbackLng: DEFAULT_LANGUAGE,
  // The messages go into JSON, not HTML; a field name is text, never markup or a nested key.
  interpolation: { escapeValue: false, skipOnVariables: true },
});

/** Messages of one language, for one answer. */
export interface Translator {
  readonly language: Language;
  /** The field error's message; a code without a message of its own gets the generic "is invalid". */
  field(error: FieldError): string;
  /** The top-level message of a 400. */
  request(key: RequestMessage): string;
  /** The message of a refusal by its code, or undefined when the code has none. */
  http(code: string): string | undefined;
}

export function translatorFor(language: Language): Translator {
  const t = i18n.getFixedT(language);
  return {
    language,
    field: ({ field, code = 'invalid', params = {} }) =>
      t([`field.${code}`, 'field.invalid'], { ...params, field: field === '' ? t('common.value') : field }),
    request: (key) => t(`request.${key}`),
    http: (code) => (isHttpErrorCode(code) ? t(`http.${code}`) : undefined),
  };
}

export function isHttpErrorCode(code: string): code is HttpErrorCode {
  return Object.hasOwn(en.http, code);
}

/** True when `code` has a field message in English (and so, by the catalogue's test, in every language). */
export function hasFieldMessage(code: string): boolean {
  return Object.keys(en.field).some((key) => key === code || key.startsWith(`${code}_`));
}
