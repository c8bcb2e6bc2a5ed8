import type { StaffRole, StaffUserPage, StaffUserView } from '@app/contracts/console-api/admin';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { PageHeading } from '../../components/PageHeading';
import { useAsync } from '../../components/useAsync';
import { formatDateTime } from '../../format/kazakhstan-time';
import { regionName } from '../../format/regions';
import { UserCreateForm } from './UserCreateForm';
import { UserEditPanel, type UserNotice } from './UserEditPanel';
import { STAFF_ROLES } from './user-form-rules';
import './admin.css';

const PAGE_SIZE = 50;

type Panel = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; userId: string };

/** Staff accounts: the list (by username, filtered by role), a new account, and one account's changes. */
export function AdminUsersScreen() {
  const { t, i18n } = useTranslation('admin');
  const { api } = useSession();
  const [params, setParams] = useSearchParams();
  const role = (STAFF_ROLES as readonly string[]).includes(params.get('role') ?? '')
    ? (params.get('role') as StaffRole)
    : undefined;
  const offset = Math.max(0, Math.floor(Number(params.get('offset')) || 0));
  const users = useAsync(
    () => api.get<StaffUserPage>('/api/v1/admin/users', { role, limit: PAGE_SIZE, offset }),
    `${role ?? ''}|${offset}`,
  );
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  /** Accounts changed here, shown at once while the list reloads. */
  const [changed, setChanged] = useState<Record<string, StaffUserView>>({});
  const [notice, setNotice] = useState<{ key: string; username: string } | null>(null);

  const items = useMemo(
    () => (users.data?.items ?? []).map((user) => changed[user.id] ?? user),
    [users.data, changed],
  );
  const organizations = useMemo(
    () =>
      [...new Set(items.map((user) => user.organizationId).filter((id): id is string => Boolean(id)))].sort(),
    [items],
  );
  const editing =
    panel.kind === 'edit' ? (changed[panel.userId] ?? items.find((u) => u.id === panel.userId)) : undefined;

  const setQuery = (next: { role?: string; offset?: number }) => {
    const query = new URLSearchParams();
    const nextRole = 'role' in next ? next.role : role;
    if (nextRole) query.set('role', nextRole);
    if (next.offset) query.set('offset', String(next.offset));
    setParams(query);
  };

  const onCreated = (user: StaffUserView) => {
    setPanel({ kind: 'none' });
    setNotice({ key: 'notices.created', username: user.username });
    users.reload();
  };
  const onChanged = (user: StaffUserView, kind: UserNotice) => {
    setChanged((previous) => ({ ...previous, [user.id]: user }));
    setNotice({ key: `notices.${kind}`, username: user.username });
    users.reload();
  };

  const total = users.data?.total ?? 0;
  return (
    <>
      <PageHeading title={t('users.title')}>
        <button
          type="button"
          className="button button--primary"
          aria-expanded={panel.kind === 'create'}
          onClick={() => {
            setNotice(null);
            setPanel({ kind: 'create' });
          }}
        >
          {t('users.newUser')}
        </button>
      </PageHeading>

      <div aria-live="polite">
        {notice && (
          <p className="notice notice--success" role="status">
            {t(notice.key, { username: notice.username })}
          </p>
        )}
      </div>

      {panel.kind === 'create' && (
        <UserCreateForm
          organizations={organizations}
          onCreated={onCreated}
          onCancel={() => setPanel({ kind: 'none' })}
        />
      )}
      {editing && (
        <UserEditPanel
          key={editing.id}
          user={editing}
          organizations={organizations}
          onChanged={onChanged}
          onClose={() => setPanel({ kind: 'none' })}
        />
      )}

      <div className="filters admin-filters">
        <FormField label={t('users.filterRole')}>
          <select value={role ?? ''} onChange={(event) => setQuery({ role: event.target.value, offset: 0 })}>
            <option value="">{t('users.allRoles')}</option>
            {STAFF_ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`common:roles.${value}`)}
              </option>
            ))}
          </select>
        </FormField>
      </div>

      <ErrorNotice error={users.error} />
      {users.loading && !users.data && <p role="status">{t('common:state.loading')}</p>}
      {users.data && (
        <>
          <div className="table-wrap">
            <table className="admin-table">
              <caption className="visually-hidden">{t('users.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.columns.username')}</th>
                  <th scope="col">{t('users.columns.role')}</th>
                  <th scope="col">{t('users.columns.assignment')}</th>
                  <th scope="col">{t('users.columns.language')}</th>
                  <th scope="col">{t('users.columns.status')}</th>
                  <th scope="col">{t('users.columns.created')}</th>
                  <th scope="col">{t('users.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((user) => (
                  <tr key={user.id} className={user.disabled ? 'admin-row--disabled' : undefined}>
                    <th scope="row">{user.username}</th>
                    <td>{t(`common:roles.${user.role}`)}</td>
                    <td>
                      {user.role === 'operator'
                        ? (user.organizationId ?? t('users.none'))
                        : user.role === 'supervisor'
                          ? regionName(user.regionKato, i18n.language)
                          : t('users.none')}
                    </td>
                    <td>{t(`languages.${user.language}`)}</td>
                    <td>
                      <span className={`badge ${user.disabled ? 'badge--overdue' : 'badge--ok'}`}>
                        {user.disabled ? t('users.disabled') : t('users.enabled')}
                      </span>
                    </td>
                    <td className="admin-nowrap">{formatDateTime(user.createdAt, i18n.language)}</td>
                    <td>
                      <button
                        type="button"
                        className="button"
                        aria-label={t('users.editUser', { username: user.username })}
                        aria-expanded={panel.kind === 'edit' && panel.userId === user.id}
                        onClick={() => {
                          setNotice(null);
                          setPanel({ kind: 'edit', userId: user.id });
                        }}
                      >
                        {t('users.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {items.length === 0 && <p>{t('common:state.empty')}</p>}
          <nav className="admin-pager" aria-label={t('users.caption')}>
            <p>
              {t('users.page', {
                from: items.length > 0 ? offset + 1 : 0,
                to: offset + items.length,
                total,
              })}
            </p>
            {(offset > 0 || offset + items.length < total) && (
              <div className="admin-buttons">
                <button
                  type="button"
                  className="button"
                  disabled={offset === 0}
                  onClick={() => setQuery({ offset: Math.max(0, offset - PAGE_SIZE) })}
                >
                  {t('users.previous')}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={offset + items.length >= total}
                  onClick={() => setQuery({ offset: offset + PAGE_SIZE })}
                >
                  {t('users.next')}
                </button>
              </div>
            )}
          </nav>
        </>
      )}
    </>
  );
}
