import type { RepeatAppeal } from '@app/contracts/console-api/cases';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../format/kazakhstan-time';
import { regionName } from '../../format/regions';

/** The same citizen's other appeals on the same matter, each a link to its case. */
export function RepeatAppeals({ repeats }: { repeats: RepeatAppeal[] }) {
  const { t, i18n } = useTranslation('case');
  return (
    <section className="card" aria-labelledby="case-repeats-heading">
      <h2 id="case-repeats-heading">{t('sections.repeats')}</h2>
      {repeats.length === 0 ? (
        <p>{t('repeats.none')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('repeats.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('details.trackingNumber')}</th>
                <th scope="col">{t('details.status')}</th>
                <th scope="col">{t('details.received')}</th>
                <th scope="col">{t('details.category')}</th>
                <th scope="col">{t('details.region')}</th>
              </tr>
            </thead>
            <tbody>
              {repeats.map((repeat) => (
                <tr key={repeat.appealId}>
                  <th scope="row" className="case-nowrap">
                    <Link to={`/cases/${repeat.appealId}`}>{repeat.trackingNumber}</Link>
                  </th>
                  <td>{t(`common:status.${repeat.status}`, { defaultValue: repeat.status })}</td>
                  <td>{formatDateTime(repeat.receivedAt, i18n.language)}</td>
                  <td>{repeat.category}</td>
                  <td>{regionName(repeat.regionKato, i18n.language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
