import type { Board } from '@app/contracts/console-api/board';
import type { CaseSummary } from '@app/contracts/console-api/cases';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLiveEvents } from '../../api/live';
import { useMe, useSession } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { RegionNumbersTable } from '../../components/RegionNumbersTable';
import { useAsync } from '../../components/useAsync';
import { formatDateTime } from '../../format/kazakhstan-time';
import { regionName } from '../../format/regions';
import { boardSections, boardTotals, deadlineMark, mergePages, type BoardSection } from './board-sections';
import './board.css';
import { useCoalesced } from '../../components/useCoalesced';

/** The API's largest page. */
const PAGE_SIZE = 100;
/** Events come in bursts (an action and the services' answers to it): one reload per burst. */

export function BoardScreen() {
  const { t, i18n } = useTranslation('board');
  const { api } = useSession();
  const me = useMe();
  const [pages, setPages] = useState(1);
  const [liveAt, setLiveAt] = useState<string | null>(null);

  const board = useAsync(async () => {
    const loaded: Board[] = [];
    for (let page = 0; page < pages; page++) {
      const next = await api.get<Board>('/api/v1/board', { limit: PAGE_SIZE, offset: page * PAGE_SIZE });
      loaded.push(next);
      if (next.cases.nextOffset === undefined) break;
    }
    return mergePages(loaded);
  }, String(pages));
  const { reload } = board;

  const reloadSoon = useCoalesced(() => {
    setLiveAt(new Date().toISOString());
    reload();
  });
  useLiveEvents({ onCaseChanged: reloadSoon, onReconnected: reloadSoon });

  const sections = useMemo(() => (board.data ? boardSections(board.data) : []), [board.data]);
  const totals = boardTotals(sections);
  const language = i18n.language;

  return (
    <>
      <PageHeading title={t('title')} />
      <p className="board__intro">{me.role === 'supervisor' ? t('intro.supervisor') : t('intro.central')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {liveAt && board.data && !board.loading
          ? t('live.updated', { time: formatDateTime(liveAt, language), total: totals.escalated })
          : ''}
      </p>
      <ErrorNotice error={board.error} />
      {!board.data && !board.error && <p role="status">{t('common:state.loading')}</p>}
      {board.data && sections.length === 0 && <p className="notice notice--info">{t('empty')}</p>}
      {board.data && sections.length > 0 && (
        <>
          <section aria-labelledby="board-summary" className="board__summary">
            <h2 id="board-summary">{t('summary.heading')}</h2>
            <div className="table-wrap">
              <RegionNumbersTable
                caption={t('summary.caption')}
                captionClassName="visually-hidden"
                regionHeading={t('summary.region')}
                columns={[
                  { heading: t('summary.escalated'), value: (section: BoardSection) => section.escalated },
                  { heading: t('summary.overdue'), value: (section: BoardSection) => section.overdue },
                  {
                    heading: t('summary.underControl'),
                    value: (section: BoardSection) => section.underControl,
                  },
                ]}
                rows={sections}
                rowKey={(section) => section.regionKato}
                rowHeader={(section) => (
                  <a href={`#${sectionId(section.regionKato)}`}>{regionName(section.regionKato, language)}</a>
                )}
                numberClassName="board__number"
                footer={
                  sections.length > 1
                    ? {
                        heading: t('summary.total'),
                        values: [totals.escalated, totals.overdue, totals.underControl],
                      }
                    : undefined
                }
              />
            </div>
          </section>
          {sections.map((section) => (
            <RegionSection key={section.regionKato} section={section} />
          ))}
          {board.data.cases.nextOffset !== undefined && (
            <p className="board__more">
              <span>
                {t('more.shown', { shown: board.data.cases.items.length, total: board.data.cases.total })}
              </span>{' '}
              <button
                type="button"
                className="button"
                disabled={board.loading}
                onClick={() => setPages((count) => count + 1)}
              >
                {t('more.button')}
              </button>
            </p>
          )}
        </>
      )}
    </>
  );
}

function sectionId(regionKato: string): string {
  return `board-region-${regionKato}`;
}

function RegionSection({ section }: { section: BoardSection }) {
  const { t, i18n } = useTranslation('board');
  const name = regionName(section.regionKato, i18n.language);
  const headingId = sectionId(section.regionKato);
  return (
    <section aria-labelledby={headingId} className="board__region">
      <h2 id={headingId} tabIndex={-1}>
        {t('region.heading', { region: name, total: section.escalated })}
      </h2>
      <p className="board__region-counts">
        {t('region.overdue', { total: section.overdue })} ·{' '}
        {t('region.underControl', { total: section.underControl })}
        {section.cases.length < section.escalated &&
          ` · ${t('region.partial', { shown: section.cases.length, total: section.escalated })}`}
      </p>
      {section.cases.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('region.caption', { region: name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('column.trackingNumber')}</th>
                <th scope="col">{t('column.subject')}</th>
                <th scope="col">{t('column.level')}</th>
                <th scope="col">{t('column.status')}</th>
                <th scope="col">{t('column.escalatedAt')}</th>
                <th scope="col">{t('column.deadline')}</th>
                <th scope="col">{t('column.underControl')}</th>
              </tr>
            </thead>
            <tbody>
              {section.cases.map((item) => (
                <CaseRow key={item.appealId} item={item} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function CaseRow({ item }: { item: CaseSummary }) {
  const { t, i18n } = useTranslation('board');
  const mark = deadlineMark(item);
  return (
    <tr className={mark ? `row--${mark}` : undefined}>
      <th scope="row" className="board__tracking">
        <Link to={`/cases/${item.appealId}`}>{item.trackingNumber}</Link>
      </th>
      <td className="board__subject">{item.subject}</td>
      <td>{item.level ? t(`common:level.${item.level}`, { defaultValue: item.level }) : '—'}</td>
      <td>{t(`common:status.${item.status}`, { defaultValue: item.status })}</td>
      <td className="board__date">
        {formatDateTime(item.escalatedAt, i18n.language)}
        {item.escalationCount > 1 && (
          <span className="board__times"> {t('escalations', { times: item.escalationCount })}</span>
        )}
      </td>
      <td className="board__date">
        {formatDateTime(item.dueAt, i18n.language)}
        {mark && (
          <>
            {' '}
            <span className={`badge badge--${mark}`}>{t(`deadline.${mark}`)}</span>
          </>
        )}
      </td>
      <td>
        {item.underControl ? (
          <span className="badge badge--ok">{t('underControl.yes')}</span>
        ) : (
          t('underControl.no')
        )}
      </td>
    </tr>
  );
}
