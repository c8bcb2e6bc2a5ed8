import type { CaseTimelineEntry } from '@app/contracts/console-api/cases';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/session';
import { formatDateTime } from '../../format/kazakhstan-time';
import { say } from './phrase';
import { describeEntry, type DetailValue, type Phrase } from './timeline';

function Value({ value }: { value: DetailValue }) {
  const { t, i18n } = useTranslation('case');
  switch (value.kind) {
    case 'time':
      return <time dateTime={value.iso}>{formatDateTime(value.iso, i18n.language)}</time>;
    case 'phrase':
      return <>{say(t, value.phrase)}</>;
    case 'text':
      return value.multiline ? <span className="case-text">{value.text}</span> : <>{value.text}</>;
  }
}

/** The case's events in words, oldest first, each with its time, who took it and what its data says. */
export function CaseTimeline({ timeline }: { timeline: CaseTimelineEntry[] }) {
  const { t, i18n } = useTranslation('case');
  const me = useMe();
  // Events name staff by account id only; the reader's own steps are theirs.
  const actorText = (actor: Phrase) =>
    actor.key === 'timeline.actor.staff' && actor.values?.id === me.userId
      ? t('timeline.actor.you')
      : say(t, actor);
  return (
    <section className="card" aria-labelledby="case-timeline-heading">
      <h2 id="case-timeline-heading">{t('sections.timeline')}</h2>
      {timeline.length === 0 ? (
        <p>{t('timeline.empty')}</p>
      ) : (
        <ol className="case-timeline">
          {timeline.map((entry) => {
            const described = describeEntry(entry);
            return (
              <li
                key={`${entry.eventId}:${entry.position ?? 'n'}`}
                className={
                  described.problem
                    ? 'case-timeline__item case-timeline__item--problem'
                    : 'case-timeline__item'
                }
              >
                <p className="case-timeline__head">
                  <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt, i18n.language)}</time>{' '}
                  <strong>{say(t, described.title)}</strong>{' '}
                  {described.problem && <span className="badge badge--overdue">{t('timeline.problem')}</span>}
                </p>
                {(described.actor || described.details.length > 0) && (
                  <dl className="case-timeline__details">
                    {described.actor && (
                      <div>
                        <dt>{t('timeline.by')}</dt>
                        <dd>{actorText(described.actor)}</dd>
                      </div>
                    )}
                    {described.details.map((detail, index) => (
                      <div key={`${detail.label}:${index}`}>
                        <dt>{t(detail.label)}</dt>
                        <dd>
                          <Value value={detail.value} />
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
