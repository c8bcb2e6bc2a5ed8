export { DEFAULT_LANGUAGE, LANGUAGES, negotiateLanguage, type Language } from './language';
export {
  HTTP_ERROR_STATUS,
  httpError,
  invalidRequest,
  LocalizedHttpException,
} from './localized-http.exception';
export { localizedAnswer } from './localized-answer';
export type { HttpErrorCode, RequestMessage } from './messages/en';
export { hasFieldMessage, translatorFor, type Translator } from './translator';
export {
  ACCEPT_LANGUAGE_PARAMETER,
  ApiErrorResponse,
  ApiInvalidRequestResponse,
  ErrorResponse,
  FieldErrorResponse,
  InvalidRequestResponse,
} from './error-responses';
