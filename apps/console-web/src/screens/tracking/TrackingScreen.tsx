import type { PublicCaseStatus } from '@app/contracts/console-api/tracking';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { PageHeading } from '../../components/PageHeading';
import { useAsync } from '../../components/useAsync';
import { formatDate, formatDateTime } from '../../format/kazakhstan-time';
import {
  answerNoticeOf,
  holderOf,
  readTrackingNumber,
  statusKey,
  stepKey,
  TRACKING_NUMBER_EXAMPLE,
  trackPath,
} from './tracking-logic';
import './tracking.css';

/** `/track` and `/track/:trackingNumber`: the citizen's public status page (no sign-in, no personal data). */
export function TrackingScreen() {
  const { trackingNumber } = useParams();
  // A new number is a new page: the field and its message start afresh.
  return <TrackingLookup key={trackingNumber ?? ''} trackingNumber={trackingNumber} />;
}

function TrackingLookup({ trackingNumber }: { trackingNumber?: string }) {
  const { t } = useTranslation('tracking');
  const { api } = useSession();
  const navigate = useNavigate();
  const [input, setInput] = useState(trackingNumber ?? '');
  const [problem, setProblem] = useState<'required' | 'format' | null>(null);
  const requested = trackingNumber === undefined ? undefined : readTrackingNumber(trackingNumber);
  const number = requested?.ok ? requested.value : undefined;
  const { data, error, loading, reload } = useAsync<PublicCaseStatus | null>(
    () =>
      number === undefined
        ? Promise.resolve(null)
        : api.get<PublicCaseStatus>(`/api/v1/appeals/track/${encodeURIComponent(number)}`),
    number ?? '',
  );
  const notFound = error instanceof ApiError && error.status === 404;
  const shownProblem = problem ?? (requested && !requested.ok ? requested.problem : null);
  const fieldError = shownProblem
    ? t(`form.${shownProblem}`, { example: TRACKING_NUMBER_EXAMPLE })
    : notFound && !loading
      ? t('form.notFound')
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const typed = readTrackingNumber(input);
    if (!typed.ok) {
      setProblem(typed.problem);
      return;
    }
    setProblem(null);
    if (typed.value === number) reload();
    else void navigate(trackPath(typed.value));
  };

  return (
    <>
      <section className="card">
        <PageHeading title={t('title')} />
        <p>{t('intro')}</p>
        <form className="tracking-form" onSubmit={submit} noValidate>
          <FormField
            label={t('form.label')}
            hint={t('form.hint', { example: TRACKING_NUMBER_EXAMPLE })}
            error={fieldError}
          >
            <input
              name="trackingNumber"
              value={input}
              onChange={(event) => setInput(event.target.value)}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
            />
          </FormField>
          <button type="submit" className="button button--primary">
            {t('form.submit')}
          </button>
        </form>
        {!notFound && <ErrorNotice error={error} />}
      </section>
      {number !== undefined && loading && !data && <p role="status">{t('common:state.loading')}</p>}
      {data && data.trackingNumber === number && !error && <CaseStatusView view={data} />}
    </>
  );
}

function CaseStatusView({ view }: { view: PublicCaseStatus }) {
  const { t, i18n } = useTranslation('tracking');
  const holder = holderOf(view);
  const status = statusKey(view.status);
  const answeredAt = answerNoticeOf(view);
  return (
    <section className="card tracking-status" aria-labelledby="tracking-status-heading">
      <h2 id="tracking-status-heading">{t('status.heading', { number: view.trackingNumber })}</h2>
      {answeredAt && (
        <div className="notice notice--info" role="status">
          {t('status.answered', { date: formatDateTime(answeredAt, i18n.language) })}
        </div>
      )}
      <dl className="tracking-facts">
        <div>
          <dt>{t('status.status')}</dt>
          <dd>{status ? t(status) : view.status}</dd>
        </div>
        <div>
          <dt>{t('status.holder')}</dt>
          <dd>
            {holder.kind === 'name'
              ? holder.name
              : holder.kind === 'level'
                ? t(holder.levelKey)
                : t('status.holderUnknown')}
          </dd>
        </div>
        <div>
          <dt>{t('status.registeredAt')}</dt>
          <dd>{formatDate(view.registeredAt, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('status.dueAt')}</dt>
          <dd>{view.dueAt ? formatDate(view.dueAt, i18n.language) : t('status.noDeadline')}</dd>
        </div>
      </dl>
      <h2>{t('timeline.heading')}</h2>
      <ol className="tracking-timeline">
        {view.timeline.map((entry, index) => (
          <li key={`${index}-${entry.step}`}>
            <span className="tracking-timeline__step">{t(stepKey(entry.step))}</span>
            {entry.organizationName && (
              <span className="tracking-timeline__body">{entry.organizationName}</span>
            )}
            <time className="tracking-timeline__at" dateTime={entry.at}>
              {formatDateTime(entry.at, i18n.language)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}
