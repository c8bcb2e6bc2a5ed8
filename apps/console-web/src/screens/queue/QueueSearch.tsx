import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SEARCH_LENGTH } from '../../api/types/queue';
import { FormField } from '../../components/FormField';
import { searchProblemOf, type SearchProblem } from './queue-params';

interface QueueSearchProps {
  /** The search in the address ('' for none). */
  q: string;
  /** The API's message for `q`, if it refused it. */
  apiError?: string;
  onSearch: (q: string) => void;
}

/** Full-text search over subject and text; rendered with `key={q}` so the box follows the address. */
export function QueueSearch({ q, apiError, onSearch }: QueueSearchProps) {
  const { t } = useTranslation('queue');
  const [typed, setTyped] = useState(q);
  const [problem, setProblem] = useState<SearchProblem | undefined>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = searchProblemOf(typed);
    setProblem(found);
    if (!found) onSearch(typed.trim());
  };
  return (
    <form
      role="search"
      aria-label={t('search.label')}
      className="card queue-search"
      onSubmit={submit}
      noValidate
    >
      <div className="queue-search__row">
        <FormField
          label={t('search.field')}
          hint={t('search.hint')}
          error={problem ? t(`search.${problem}`) : apiError}
        >
          <input
            type="search"
            name="q"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            maxLength={MAX_SEARCH_LENGTH + 50}
            autoComplete="off"
          />
        </FormField>
        <div className="queue-search__buttons">
          <button type="submit" className="button button--primary">
            {t('search.submit')}
          </button>
          {q && (
            <button type="button" className="button" onClick={() => onSearch('')}>
              {t('search.clear')}
            </button>
          )}
        </div>
      </div>
    </form>
  );
}
