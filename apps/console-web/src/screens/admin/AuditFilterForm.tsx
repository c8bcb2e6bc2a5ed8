import type { StaffUserView } from '@app/contracts/console-api/admin';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { FormField } from '../../components/FormField';
import { KNOWN_AUDIT_ACTIONS, actionKey, auditFilterProblems, type AuditFilters } from './audit-entries';

interface AuditFilterFormProps {
  /** The filters in the URL; the form starts from them (it is keyed by them, so Back restores it). */
  applied: AuditFilters;
  users: readonly StaffUserView[];
  /** The API's refusal of the current filters, its messages shown next to the fields it names. */
  error: unknown;
  onApply: (filters: AuditFilters) => void;
}

export function AuditFilterForm({ applied, users, error, onApply }: AuditFilterFormProps) {
  const { t } = useTranslation('admin');
  const [draft, setDraft] = useState<AuditFilters>(applied);
  const [checked, setChecked] = useState(false);
  const problems = auditFilterProblems(checked ? draft : applied);
  const apiError = error instanceof ApiError ? error : undefined;
  const change = (next: Partial<AuditFilters>) => setDraft((previous) => ({ ...previous, ...next }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (Object.keys(auditFilterProblems(draft)).length > 0) return;
    onApply({ ...draft, before: '' });
  };

  const sortedUsers = [...users].sort((a, b) => a.username.localeCompare(b.username));
  const actorKnown = draft.actor === '' || users.some((user) => user.id === draft.actor);
  const actionKnown = draft.action === '' || actionKey(draft.action) !== undefined;
  return (
    <form className="card" aria-label={t('audit.filters')} noValidate onSubmit={submit}>
      <div className="filters admin-filters">
        <FormField label={t('audit.actor')} error={apiError?.messageFor('actor')}>
          <select value={draft.actor} onChange={(event) => change({ actor: event.target.value })}>
            <option value="">{t('audit.anyActor')}</option>
            {!actorKnown && <option value={draft.actor}>{draft.actor}</option>}
            {sortedUsers.map((user) => (
              <option key={user.id} value={user.id}>
                {user.username} · {t(`common:roles.${user.role}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('audit.action')} error={apiError?.messageFor('action')}>
          <select value={draft.action} onChange={(event) => change({ action: event.target.value })}>
            <option value="">{t('audit.anyAction')}</option>
            {!actionKnown && <option value={draft.action}>{draft.action}</option>}
            {KNOWN_AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(actionKey(action) ?? action)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField
          label={t('audit.appeal')}
          hint={t('audit.appealHint')}
          error={problems.appeal ? t(`problems.${problems.appeal}`) : apiError?.messageFor('appeal')}
        >
          <input
            type="text"
            value={draft.appeal}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => change({ appeal: event.target.value })}
          />
        </FormField>
        <FormField label={t('audit.fromDate')} error={apiError?.messageFor('from')}>
          <input
            type="date"
            value={draft.fromDate}
            onChange={(event) => change({ fromDate: event.target.value })}
          />
        </FormField>
        <FormField
          label={t('audit.toDate')}
          error={problems.toDate ? t(`problems.${problems.toDate}`) : apiError?.messageFor('to')}
        >
          <input
            type="date"
            value={draft.toDate}
            onChange={(event) => change({ toDate: event.target.value })}
          />
        </FormField>
      </div>
      <div className="admin-buttons">
        <button type="submit" className="button button--primary">
          {t('audit.apply')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onApply({ actor: '', action: '', appeal: '', fromDate: '', toDate: '', before: '' })}
        >
          {t('audit.clear')}
        </button>
      </div>
    </form>
  );
}
