import type { ActionReceipt, CaseAction, CasePageView } from '@app/contracts/console-api/cases';
import type { LiveCaseChange } from '@app/contracts/console-api/live';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useLiveEvents } from '../../api/live';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { useAsync } from '../../components/useAsync';
import { ActionPanel } from './ActionPanel';
import { AppealText, CaseDetails, CitizenCard } from './CaseFacts';
import { DeadlineBadge, DeadlineCard } from './CaseDeadline';
import { CaseTimeline } from './CaseTimeline';
import { RepeatAppeals } from './RepeatAppeals';
import { say } from './phrase';
import { describeEntry } from './timeline';
import { versionOf } from './case-actions';
import './case.css';

type Notice = { kind: 'success' | 'info'; text: string } | { kind: 'stale' };

/** The case page: where the operator works one case (the API's `GET /api/v1/cases/:appealId`). */
export function CaseScreen() {
  const { appealId = '' } = useParams();
  // Another case (a repeat appeal's link) starts afresh: no notice, form or live message carries over.
  return <CasePage key={appealId} appealId={appealId} />;
}

function CasePage({ appealId }: { appealId: string }) {
  const { t, i18n } = useTranslation('case');
  const { api } = useSession();
  // The language is part of the key: the deadline's days off come in the language the request asks for.
  const page = useAsync(
    () => api.get<CasePageView>(`/api/v1/cases/${encodeURIComponent(appealId)}`),
    `${appealId}|${i18n.language}`,
  );
  const view = page.data?.case.appealId === appealId ? page.data : undefined;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [live, setLive] = useState('');
  const noticeRef = useRef<HTMLDivElement>(null);
  // The version on screen, or the one this page's own action made: a live event up to it is no news.
  const knownVersion = useRef(0);
  useEffect(() => {
    knownVersion.current = Math.max(knownVersion.current, view?.case.version ?? 0);
  }, [view]);
  const { reload } = page;

  const onCaseChanged = useCallback(
    (change: LiveCaseChange) => {
      if (change.appealId !== appealId) return;
      if (change.version <= knownVersion.current) return;
      const event = say(t, describeEntry({ type: change.eventType, data: {} }).title);
      setLive(t('live.updated', { event }));
      reload();
    },
    [appealId, reload, t],
  );
  useLiveEvents({ onCaseChanged });

  const onDone = (action: CaseAction, receipt: ActionReceipt) => {
    knownVersion.current = Math.max(knownVersion.current, versionOf(receipt.etag));
    setLive('');
    setNotice({ kind: 'success', text: t(`actions.done.${action}`) });
    reload();
    requestAnimationFrame(() => noticeRef.current?.focus());
  };
  const onConflict = (stale: boolean) => {
    setNotice(stale ? { kind: 'stale' } : null);
    reload();
  };

  const title = view ? t('title', { trackingNumber: view.case.trackingNumber }) : t('common:state.loading');
  return (
    <div className="case-page">
      <PageHeading title={title}>
        {view && (
          <p className="case-badges">
            <span className="badge">
              {t(`common:status.${view.case.status}`, { defaultValue: view.case.status })}
            </span>{' '}
            <DeadlineBadge view={view} />{' '}
            {view.case.underControl && (
              <span className="badge badge--due-soon">{t('details.underControl')}</span>
            )}
          </p>
        )}
      </PageHeading>
      <p>
        <Link to="/queue">{t('back')}</Link>
      </p>
      <div role="status" aria-live="polite" className="case-live">
        {live && <p className="notice notice--info">{live}</p>}
      </div>
      <div ref={noticeRef} tabIndex={-1} className="case-notice">
        {notice?.kind === 'stale' && (
          <p className="notice notice--error" role="alert">
            {t('actions.stale')}
          </p>
        )}
        {notice && notice.kind !== 'stale' && (
          <p className={`notice notice--${notice.kind}`} role="status">
            {notice.text}
          </p>
        )}
      </div>
      <ErrorNotice error={page.error} />
      {!view && !page.error && <p>{t('common:state.loading')}</p>}
      {view && (
        <>
          <ActionPanel view={view} onDone={onDone} onConflict={onConflict} />
          <div className="case-columns">
            <div className="case-columns__side">
              <CaseDetails view={view} />
              <DeadlineCard view={view} />
              <CitizenCard view={view} />
            </div>
            <div className="case-columns__main">
              <AppealText view={view} />
              <CaseTimeline timeline={view.timeline} />
              <RepeatAppeals repeats={view.repeatAppeals} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}
