import type { StaffLanguage, StaffUserView } from '@app/contracts/console-api/admin';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { AssignmentFields } from './UserFields';
import {
  EMPTY_NEW_USER,
  STAFF_LANGUAGES,
  createBody,
  hasProblems,
  newUserProblems,
  type FormProblems,
  type NewUserDraft,
  type UserField,
} from './user-form-rules';

interface UserCreateFormProps {
  organizations: readonly string[];
  onCreated: (user: StaffUserView) => void;
  onCancel: () => void;
}

/** A new staff account: checked here first, then by the API, each message next to its field. */
export function UserCreateForm({ organizations, onCreated, onCancel }: UserCreateFormProps) {
  const { t, i18n } = useTranslation('admin');
  const { api } = useSession();
  const listId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The language of messages starts as the admin's own UI language; the admin changes it for the person.
  const [draft, setDraft] = useState<NewUserDraft>(() => ({
    ...EMPTY_NEW_USER,
    language: (STAFF_LANGUAGES as readonly string[]).includes(i18n.language)
      ? (i18n.language as StaffLanguage)
      : EMPTY_NEW_USER.language,
  }));
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => heading.current?.focus(), []);

  const problems: FormProblems = checked ? newUserProblems(draft) : {};
  const apiError = error instanceof ApiError ? error : undefined;
  const errorOf = (field: UserField): string | undefined => {
    const problem = problems[field];
    if (problem) return t(`problems.${problem}`);
    if (field === 'username' && apiError?.code === 'username-taken') return t('notices.usernameTaken');
    return apiError?.messageFor(field);
  };

  const change = (next: Partial<NewUserDraft>) => {
    setDraft((previous) => ({ ...previous, ...next }));
    setError(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (hasProblems(newUserProblems(draft))) return;
    setSaving(true);
    try {
      const { data } = await api.send<StaffUserView>('POST', '/api/v1/admin/users', {
        body: createBody(draft),
      });
      onCreated(data);
    } catch (failure) {
      setError(failure);
    } finally {
      setSaving(false);
    }
  }

  const fieldRefusal = apiError && (apiError.fieldErrors.length > 0 || apiError.code === 'username-taken');
  return (
    <section className="card admin-panel" aria-labelledby={`${listId}-heading`}>
      <h2 id={`${listId}-heading`} ref={heading} tabIndex={-1}>
        {t('form.createHeading')}
      </h2>
      {(hasProblems(problems) || fieldRefusal) && (
        <p className="notice notice--error" role="alert">
          {t('form.checkFields')}
        </p>
      )}
      {error !== null && !fieldRefusal && <ErrorNotice error={error} />}
      <form noValidate onSubmit={(event) => void submit(event)}>
        <div className="admin-form-grid">
          <FormField label={t('form.username')} hint={t('form.usernameHint')} error={errorOf('username')}>
            <input
              type="text"
              value={draft.username}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              onChange={(event) => change({ username: event.target.value })}
            />
          </FormField>
          <FormField label={t('form.password')} hint={t('form.passwordHint')} error={errorOf('password')}>
            <input
              type="password"
              value={draft.password}
              autoComplete="new-password"
              onChange={(event) => change({ password: event.target.value })}
            />
          </FormField>
          <AssignmentFields
            draft={draft}
            onChange={change}
            errorOf={errorOf}
            organizations={organizations}
            listId={`${listId}-organizations`}
          />
        </div>
        <div className="admin-buttons">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? t('form.saving') : t('form.create')}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
