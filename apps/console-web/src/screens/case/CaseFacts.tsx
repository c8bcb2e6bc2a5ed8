import type { CaseAttachmentView, CasePageView } from '@app/contracts/console-api/cases';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format/kazakhstan-time';
import { regionName } from '../../format/regions';
import { safeHref, sizePhrase } from './case-view';
import { say } from './phrase';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="case-facts__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** What the case is and where it stands. */
export function CaseDetails({ view }: { view: CasePageView }) {
  const { t, i18n } = useTranslation('case');
  const kase = view.case;
  return (
    <section className="card" aria-labelledby="case-details-heading">
      <h2 id="case-details-heading">{t('sections.details')}</h2>
      <dl className="case-facts">
        <Fact label={t('details.trackingNumber')}>{kase.trackingNumber}</Fact>
        <Fact label={t('details.status')}>
          {t(`common:status.${kase.status}`, { defaultValue: kase.status })}
        </Fact>
        <Fact label={t('details.level')}>
          {kase.level ? t(`common:level.${kase.level}`, { defaultValue: kase.level }) : '—'}
        </Fact>
        <Fact label={t('details.holder')}>{kase.organizationName ?? kase.organizationId ?? '—'}</Fact>
        <Fact label={t('details.kind')}>{t(`kind.${kase.kind}`, { defaultValue: kase.kind })}</Fact>
        <Fact label={t('details.category')}>{kase.category}</Fact>
        <Fact label={t('details.region')}>{regionName(kase.regionKato, i18n.language)}</Fact>
        <Fact label={t('details.channel')}>
          {kase.channel ? t(`intakeChannel.${kase.channel}`, { defaultValue: kase.channel }) : t('notGiven')}
        </Fact>
        <Fact label={t('details.received')}>
          <time dateTime={kase.receivedAt}>{formatDateTime(kase.receivedAt, i18n.language)}</time>
        </Fact>
        <Fact label={t('details.heldSince')}>{formatDateTime(kase.heldSince, i18n.language)}</Fact>
        <Fact label={t('details.escalations')}>{kase.escalationCount}</Fact>
        <Fact label={t('details.transfers')}>{kase.transferCount}</Fact>
      </dl>
    </section>
  );
}

/** The citizen's contact: personal data, on this page only. */
export function CitizenCard({ view }: { view: CasePageView }) {
  const { t } = useTranslation('case');
  const citizen = view.citizen;
  const given = (value: string | null) => value ?? t('notGiven');
  return (
    <section className="card" aria-labelledby="case-citizen-heading">
      <h2 id="case-citizen-heading">{t('sections.citizen')}</h2>
      <p className="case-muted">{t('citizen.personal')}</p>
      {citizen ? (
        <dl className="case-facts">
          <Fact label={t('citizen.fullName')}>{citizen.fullName}</Fact>
          <Fact label={t('citizen.iin')}>{given(citizen.iin)}</Fact>
          <Fact label={t('citizen.email')}>
            {citizen.email ? (
              <a href={`mailto:${encodeURIComponent(citizen.email)}`}>{citizen.email}</a>
            ) : (
              t('notGiven')
            )}
          </Fact>
          <Fact label={t('citizen.phone')}>
            {citizen.phone ? (
              <a href={`tel:${encodeURIComponent(citizen.phone)}`}>{citizen.phone}</a>
            ) : (
              t('notGiven')
            )}
          </Fact>
          <Fact label={t('citizen.preferredChannel')}>
            {t(`timeline.channel.${citizen.preferredChannel}`, { defaultValue: citizen.preferredChannel })}
          </Fact>
        </dl>
      ) : (
        <p>{t('citizen.none')}</p>
      )}
    </section>
  );
}

/** The citizen's words, as plain text with their line breaks (React escapes it: never HTML). */
export function AppealText({ view }: { view: CasePageView }) {
  const { t } = useTranslation('case');
  return (
    <section className="card" aria-labelledby="case-appeal-heading">
      <h2 id="case-appeal-heading">{t('sections.appeal')}</h2>
      <dl className="case-facts case-facts--stacked">
        <Fact label={t('appeal.subject')}>{view.case.subject || t('notGiven')}</Fact>
        <Fact label={t('appeal.text')}>
          <div className="case-text">{view.case.text}</div>
        </Fact>
      </dl>
      <h3 className="case-subheading">{t('sections.attachments')}</h3>
      <Attachments attachments={view.attachments} />
    </section>
  );
}

function Attachments({ attachments }: { attachments: CaseAttachmentView[] }) {
  const { t, i18n } = useTranslation('case');
  if (attachments.length === 0) return <p>{t('attachments.none')}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t('attachments.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('attachments.name')}</th>
            <th scope="col">{t('attachments.size')}</th>
            <th scope="col">{t('attachments.type')}</th>
          </tr>
        </thead>
        <tbody>
          {attachments.map((file) => {
            const href = safeHref(file.url);
            return (
              <tr key={file.position}>
                <td>
                  {href ? (
                    <a href={href} target="_blank" rel="noopener noreferrer">
                      {file.name} <span className="visually-hidden">{t('attachments.newTab')}</span>
                    </a>
                  ) : (
                    file.name
                  )}
                </td>
                <td>{say(t, sizePhrase(file.sizeBytes, i18n.language))}</td>
                <td>{file.mediaType}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
