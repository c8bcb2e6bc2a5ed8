import type { CaseSummary } from '@app/contracts/console-api/cases';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../format/kazakhstan-time';
import { regionName } from '../../format/regions';
import { badgeClassOf, deadlineMarkOf, rowClassOf } from './deadline-mark';
import { commonLabel } from './labels';

interface CaseTableProps {
  caption: string;
  items: readonly CaseSummary[];
  /** When the marks are judged: the time the page was loaded. */
  now: Date;
}

/**
 * The cases of a queue or search page, overdue and due-soon rows marked in text as well as colour. The deadline
 * comes right after the subject: the queue is worked by it, and on a narrow screen it stays in view.
 */
export function CaseTable({ caption, items, now }: CaseTableProps) {
  const { t, i18n } = useTranslation('queue');
  return (
    <div className="table-wrap">
      <table className="queue-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.trackingNumber')}</th>
            <th scope="col">{t('table.subject')}</th>
            <th scope="col">{t('table.deadline')}</th>
            <th scope="col">{t('table.status')}</th>
            <th scope="col">{t('table.level')}</th>
            <th scope="col">{t('table.category')}</th>
            <th scope="col">{t('table.region')}</th>
            <th scope="col">{t('table.holder')}</th>
            <th scope="col">{t('table.received')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const mark = deadlineMarkOf(item, now);
            return (
              <tr key={item.appealId} className={rowClassOf(mark)}>
                <th scope="row" className="queue-table__number">
                  <Link to={`/cases/${item.appealId}`}>{item.trackingNumber}</Link>
                </th>
                <td className="queue-table__subject">{item.subject}</td>
                <td className="queue-table__date">
                  {item.dueAt ? (
                    <time dateTime={item.dueAt}>{formatDateTime(item.dueAt, i18n.language)}</time>
                  ) : (
                    '—'
                  )}
                  {mark !== 'none' && (
                    <>
                      {' '}
                      <span className={badgeClassOf(mark)}>
                        {t(mark === 'overdue' ? 'deadline.overdue' : 'deadline.dueSoon')}
                      </span>
                    </>
                  )}
                </td>
                <td>{commonLabel(t, 'status', item.status)}</td>
                <td>{commonLabel(t, 'level', item.level)}</td>
                <td>
                  <code>{item.category}</code>
                </td>
                <td>{regionName(item.scopeRegionKato, i18n.language)}</td>
                <td className="queue-table__holder">{item.organizationName ?? '—'}</td>
                <td className="queue-table__date">
                  <time dateTime={item.receivedAt}>{formatDateTime(item.receivedAt, i18n.language)}</time>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
