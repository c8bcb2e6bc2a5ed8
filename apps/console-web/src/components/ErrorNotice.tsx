import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';

/** A failed request in words: the API's own message in the UI language, or a generic one for a network failure. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message =
    error instanceof ApiError
      ? error.status === 429
        ? t('errors.tooManyRequests', { seconds: error.retryAfterSeconds ?? 60 })
        : error.message
      : t('errors.network');
  return (
    <div className="notice notice--error" role="alert">
      {message}
    </div>
  );
}
