import type { CaseSummary, Page } from '@app/contracts/console-api/cases';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useLiveEvents } from '../../api/live';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { useAsync } from '../../components/useAsync';
import { NotificationsPanel } from '../notifications/NotificationsPanel';
import { CaseTable } from './CaseTable';
import { QueueFilters } from './QueueFilters';
import { QueueSearch } from './QueueSearch';
import {
  isSearch,
  pageRangeOf,
  paramsOfView,
  queueQueryOf,
  searchQueryOf,
  viewFromParams,
  withFilters,
  withoutFilters,
  withSearch,
  type QueueView,
} from './queue-params';
import './queue.css';
import { useCoalesced } from '../../components/useCoalesced';

/** The query fields the filters show the API's messages for. */
const FILTER_FIELDS = ['status', 'level', 'category', 'region', 'sort', 'order'];

/** Live changes often come in bursts (an action and the events it sets off): one reload for a burst. */

/** A loaded page and the moment it was read, against which its deadline marks are judged. */
interface LoadedPage {
  page: Page<CaseSummary>;
  readAt: Date;
}

/**
 * My queue: the cases of the caller's scope, soonest deadline first, overdue and due-soon marked; filters and
 * search kept in the address; reloaded live when a case changes; the in-app messages beside it.
 */
export function QueueScreen() {
  const { t } = useTranslation('queue');
  const { api } = useSession();
  const [params, setParams] = useSearchParams();
  const view = viewFromParams(params);
  const searching = isSearch(view);
  const path = searching ? '/api/v1/cases/search' : '/api/v1/cases';
  const query = searching ? searchQueryOf(view) : queueQueryOf(view);
  const requestKey = `${path}?${paramsOfView(view).toString()}`;
  const cases = useAsync<LoadedPage>(
    async () => ({ page: await api.get<Page<CaseSummary>>(path, query), readAt: new Date() }),
    requestKey,
  );
  const casesHeadingId = useId();

  const go = (next: QueueView) => setParams(paramsOfView(next));

  const [announcement, setAnnouncement] = useState({ text: '', round: 0 });
  const { reload } = cases;
  const scheduleReload = useCoalesced(() => {
    reload();
    setAnnouncement((previous) => ({ text: t('live.updated'), round: previous.round + 1 }));
  });
  useLiveEvents({ onCaseChanged: scheduleReload, onReconnected: scheduleReload });

  const apiError = cases.error instanceof ApiError ? cases.error : undefined;
  const fieldError = (field: string) => apiError?.messageFor(field);
  // A refusal that names only fields shown on the screen is told next to them, not again above the list.
  const shownFields = searching ? ['q'] : FILTER_FIELDS;
  const toldAtFields =
    apiError !== undefined &&
    apiError.fieldErrors.length > 0 &&
    apiError.fieldErrors.every((problem) => shownFields.includes(problem.field));
  const loaded = cases.data;
  const range = loaded ? pageRangeOf(loaded.page) : undefined;

  return (
    <>
      <PageHeading title={t('title')} />
      <div className="queue-layout">
        <div className="queue-layout__main">
          <QueueSearch
            key={`search:${view.q}`}
            q={view.q}
            apiError={searching ? fieldError('q') : undefined}
            onSearch={(q) => go(withSearch(view, q))}
          />
          {!searching && (
            <QueueFilters
              key={`filters:${requestKey}`}
              view={view}
              fieldError={fieldError}
              onApply={(filters) => go(withFilters(view, filters))}
              onReset={() => go(withoutFilters(view))}
            />
          )}
          <section aria-labelledby={casesHeadingId} aria-busy={cases.loading}>
            <div className="queue-cases__head">
              <h2 id={casesHeadingId}>
                {searching ? t('search.results', { q: view.q }) : t('table.heading')}
              </h2>
              {range && range.total > 0 && (
                <p className="queue-cases__count">
                  {t('pages.range', { from: range.from, to: range.to, total: range.total })}
                </p>
              )}
            </div>
            <div className="visually-hidden" aria-live="polite">
              {announcement.text && <p key={announcement.round}>{announcement.text}</p>}
            </div>
            {!toldAtFields && <ErrorNotice error={cases.error} />}
            {!loaded && cases.loading && <p role="status">{t('common:state.loading')}</p>}
            {loaded && loaded.page.items.length === 0 && (
              <p className="notice notice--info">{searching ? t('table.searchEmpty') : t('table.empty')}</p>
            )}
            {loaded && loaded.page.items.length > 0 && (
              <CaseTable
                caption={searching ? t('table.searchCaption', { q: view.q }) : t('table.caption')}
                items={loaded.page.items}
                now={loaded.readAt}
              />
            )}
            {range && (range.previousOffset !== undefined || range.nextOffset !== undefined) && (
              <nav className="queue-pages" aria-label={t('pages.label')}>
                <button
                  type="button"
                  className="button"
                  disabled={range.previousOffset === undefined}
                  onClick={() => go({ ...view, offset: range.previousOffset ?? 0 })}
                >
                  {t('pages.previous')}
                </button>
                <span>{t('pages.range', { from: range.from, to: range.to, total: range.total })}</span>
                <button
                  type="button"
                  className="button"
                  disabled={range.nextOffset === undefined}
                  onClick={() => go({ ...view, offset: range.nextOffset ?? view.offset })}
                >
                  {t('pages.next')}
                </button>
              </nav>
            )}
          </section>
        </div>
        <aside className="queue-layout__side" aria-label={t('messagesLabel')}>
          <NotificationsPanel />
        </aside>
      </div>
    </>
  );
}
