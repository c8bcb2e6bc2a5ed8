import type { CasePageView } from '@app/contracts/console-api/cases';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../format/kazakhstan-time';
import { dayInstant, deadlineStateOf, skippedDays } from './case-view';
import { say } from './phrase';
import { codePhrase, levelPhrase, policyPhrase } from './timeline';

/** The overdue / due-soon / on-time badge: words, not only colour. */
export function DeadlineBadge({ view }: { view: CasePageView }) {
  const { t } = useTranslation('case');
  const state = deadlineStateOf(view.case);
  if (!state) return null;
  const style = state === 'on-time' ? 'ok' : state;
  return <span className={`badge badge--${style}`}>{t(`deadline.state.${state}`)}</span>;
}

/** The deadline and why it is what it is, as the API explains it (days off in the language asked for). */
export function DeadlineCard({ view }: { view: CasePageView }) {
  const { t, i18n } = useTranslation('case');
  const deadline = view.deadline;
  const language = i18n.language;
  return (
    <section className="card" aria-labelledby="case-deadline-heading">
      <h2 id="case-deadline-heading">{t('sections.deadline')}</h2>
      {!deadline ? (
        <p>{t('deadline.none')}</p>
      ) : (
        <>
          <p className="case-deadline__due">
            <span>{t('deadline.dueAt')}: </span>
            <strong>
              <time dateTime={deadline.dueAt}>{formatDateTime(deadline.dueAt, language)}</time>
            </strong>{' '}
            <DeadlineBadge view={view} />
          </p>
          <dl className="case-facts">
            {deadline.extended && deadline.originalDueAt && (
              <div className="case-facts__row">
                <dt>{t('deadline.originalDueAt')}</dt>
                <dd>
                  {formatDateTime(deadline.originalDueAt, language)} <span>({t('deadline.extended')})</span>
                </dd>
              </div>
            )}
            {deadline.registeredOn && (
              <div className="case-facts__row">
                <dt>{t('deadline.registeredOn')}</dt>
                <dd>{formatDate(dayInstant(deadline.registeredOn), language)}</dd>
              </div>
            )}
            {deadline.policy && (
              <div className="case-facts__row">
                <dt>{t('deadline.rule')}</dt>
                <dd>{say(t, policyPhrase(deadline.policy))}</dd>
              </div>
            )}
            {deadline.cause && (
              <div className="case-facts__row">
                <dt>{t('deadline.causeLabel')}</dt>
                <dd>{say(t, codePhrase('deadline.cause', deadline.cause))}</dd>
              </div>
            )}
            {deadline.level && (
              <div className="case-facts__row">
                <dt>{t('deadline.level')}</dt>
                <dd>{say(t, levelPhrase(deadline.level))}</dd>
              </div>
            )}
            {deadline.extensionLimit && (
              <div className="case-facts__row">
                <dt>{t('deadline.extensionLimit')}</dt>
                <dd>{formatDateTime(deadline.extensionLimit, language)}</dd>
              </div>
            )}
          </dl>
          <h3 className="case-subheading">{t('deadline.skipped')}</h3>
          {deadline.skipped.length === 0 ? (
            <p>{t('deadline.skippedNone')}</p>
          ) : (
            <ul className="case-skipped">
              {skippedDays(deadline).map((day) => (
                <li key={day.date}>
                  <time dateTime={day.date}>{formatDate(dayInstant(day.date), language)}</time> — {day.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
