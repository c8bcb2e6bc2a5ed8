import type {
  AuditEntryView,
  AuditPage,
  StaffUserPage,
  StaffUserView,
} from '@app/contracts/console-api/admin';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PageHeading } from '../../components/PageHeading';
import { useAsync } from '../../components/useAsync';
import { formatDateTime } from '../../format/kazakhstan-time';
import { AuditFilterForm } from './AuditFilterForm';
import {
  actionKey,
  auditDetailOf,
  auditFiltersOf,
  auditQueryOf,
  fieldKey,
  searchParamsOf,
} from './audit-entries';
import './admin.css';

/** The audit log, newest first, filtered by who, what, which appeal and when; the filters live in the URL. */
export function AdminAuditScreen() {
  const { t } = useTranslation('admin');
  const { api } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = auditFiltersOf(params);
  const query = auditQueryOf(filters);
  const queryKey = JSON.stringify(query);
  const entries = useAsync(() => api.get<AuditPage>('/api/v1/admin/audit', query), queryKey);
  // Who is who: the audit names staff by id; the accounts list gives their names (up to the API's page limit).
  const users = useAsync(() => api.get<StaffUserPage>('/api/v1/admin/users', { limit: 200 }), 'audit-users');
  const userById = useMemo(
    () => new Map((users.data?.items ?? []).map((user) => [user.id, user])),
    [users.data],
  );

  const formKey = searchParamsOf({ ...filters, before: '' }).toString();
  return (
    <>
      <PageHeading title={t('audit.title')} />
      <AuditFilterForm
        key={formKey}
        applied={filters}
        users={users.data?.items ?? []}
        error={entries.error}
        onApply={(next) => setParams(searchParamsOf(next))}
      />
      <ErrorNotice error={entries.error} />
      {entries.loading && !entries.data && <p role="status">{t('common:state.loading')}</p>}
      {entries.data && (
        <>
          {filters.before && <p className="admin-muted">{t('audit.pageFrom', { before: filters.before })}</p>}
          {/* Focusable, so a keyboard can scroll the table sideways on a narrow screen (it holds no controls). */}
          <div className="table-wrap" tabIndex={0} role="region" aria-label={t('audit.caption')}>
            <table className="admin-table" aria-busy={entries.loading}>
              <caption className="visually-hidden">{t('audit.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('audit.columns.time')}</th>
                  <th scope="col">{t('audit.columns.who')}</th>
                  <th scope="col">{t('audit.columns.action')}</th>
                  <th scope="col">{t('audit.columns.appeal')}</th>
                  <th scope="col">{t('audit.columns.fields')}</th>
                  <th scope="col">{t('audit.columns.outcome')}</th>
                  <th scope="col">{t('audit.columns.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.data.items.map((entry) => (
                  <AuditRow key={entry.id} entry={entry} userById={userById} />
                ))}
              </tbody>
            </table>
          </div>
          {entries.data.items.length === 0 && <p>{t('audit.empty')}</p>}
          {(filters.before || entries.data.nextBefore !== null) && (
            <nav className="admin-pager" aria-label={t('audit.caption')}>
              <div className="admin-buttons">
                {filters.before && (
                  <button
                    type="button"
                    className="button"
                    onClick={() => setParams(searchParamsOf({ ...filters, before: '' }))}
                  >
                    {t('audit.newest')}
                  </button>
                )}
                {entries.data.nextBefore !== null && (
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      setParams(searchParamsOf({ ...filters, before: String(entries.data?.nextBefore) }))
                    }
                  >
                    {t('audit.older')}
                  </button>
                )}
              </div>
            </nav>
          )}
        </>
      )}
    </>
  );
}

function AuditRow({
  entry,
  userById,
}: {
  entry: AuditEntryView;
  userById: ReadonlyMap<string, StaffUserView>;
}) {
  const { t, i18n } = useTranslation('admin');
  const key = actionKey(entry.action);
  const detail = auditDetailOf(entry);
  const nameOf = (id: string) => userById.get(id)?.username ?? t('audit.unknownUser', { id });
  return (
    <tr>
      <td className="admin-nowrap">
        <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time>
      </td>
      <td>
        {entry.actorKind === 'staff' ? (
          <>
            <div>{nameOf(entry.actorId)}</div>
            {entry.actorRole && (
              <div className="admin-muted">
                {i18n.exists(`common:roles.${entry.actorRole}`)
                  ? t(`common:roles.${entry.actorRole}`)
                  : entry.actorRole}
              </div>
            )}
          </>
        ) : (
          <>
            <div>{t(`audit.actorKind.${entry.actorKind}`, { defaultValue: entry.actorKind })}</div>
            <code className="admin-muted admin-code admin-block">
              {entry.actorKind === 'anonymous'
                ? t('audit.address', { address: entry.actorId })
                : entry.actorId}
            </code>
          </>
        )}
      </td>
      <td>
        {key ? (
          <>
            <div>{t(key)}</div>
            <code className="admin-muted admin-code admin-block">{entry.action}</code>
          </>
        ) : (
          <code className="admin-code">{entry.action}</code>
        )}
      </td>
      <td>{entry.appealId ? <code className="admin-code">{entry.appealId}</code> : t('audit.noFields')}</td>
      <td>
        {entry.fields.length > 0 ? (
          <ul className="admin-list">
            {entry.fields.map((field) => {
              const label = fieldKey(field);
              return <li key={field}>{label ? t(label) : <code className="admin-code">{field}</code>}</li>;
            })}
          </ul>
        ) : (
          t('audit.noFields')
        )}
      </td>
      <td>
        <span className={`badge ${entry.outcome === 'refused' ? 'badge--overdue' : 'badge--ok'}`}>
          {t(`audit.outcome.${entry.outcome}`, { defaultValue: entry.outcome })}
        </span>
      </td>
      <td>
        {detail.userId && <div>{t('audit.account', { username: nameOf(detail.userId) })}</div>}
        {detail.reasonKey && <div>{t('audit.reason', { reason: t(detail.reasonKey) })}</div>}
        {detail.reason && <div>{t('audit.reason', { reason: detail.reason })}</div>}
        {detail.appealCount !== undefined && (
          <div>{t('audit.appealCount', { count: detail.appealCount })}</div>
        )}
        {detail.clientId && <div>{t('audit.clientId', { clientId: detail.clientId })}</div>}
      </td>
    </tr>
  );
}
