import type { StaffUserView } from '@app/contracts/console-api/admin';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api-error';
import { useSession } from '../../api/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { AssignmentFields } from './UserFields';
import {
  assignmentProblems,
  editDraftOf,
  hasProblems,
  passwordProblem,
  updateBody,
  type EditDraft,
  type FormProblems,
  type UserField,
} from './user-form-rules';

export type UserNotice = 'saved' | 'disabled' | 'enabled' | 'passwordSet';

interface UserEditPanelProps {
  user: StaffUserView;
  organizations: readonly string[];
  onChanged: (user: StaffUserView, notice: UserNotice) => void;
  onClose: () => void;
}

/** One account: role and binding, language, sign-in (disable after a confirmation, enable) and a new password. */
export function UserEditPanel({ user, organizations, onChanged, onClose }: UserEditPanelProps) {
  const { t } = useTranslation('admin');
  const { api, state } = useSession();
  const own = state.status === 'signed-in' && state.me.userId === user.id;
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState<EditDraft>(() => editDraftOf(user));
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [unchanged, setUnchanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [accessError, setAccessError] = useState<unknown>(null);
  const [password, setPassword] = useState('');
  const [passwordChecked, setPasswordChecked] = useState(false);
  const [passwordError, setPasswordError] = useState<unknown>(null);

  useEffect(() => heading.current?.focus(), []);

  const problems: FormProblems = checked ? assignmentProblems(draft) : {};
  const apiError = error instanceof ApiError ? error : undefined;
  const errorOf = (field: UserField): string | undefined => {
    const problem = problems[field];
    return problem ? t(`problems.${problem}`) : apiError?.messageFor(field);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    setUnchanged(false);
    if (hasProblems(assignmentProblems(draft))) return;
    const body = updateBody(user, draft);
    if (!body) {
      setUnchanged(true);
      return;
    }
    setBusy(true);
    try {
      const { data } = await api.send<StaffUserView>('PATCH', `/api/v1/admin/users/${user.id}`, { body });
      setChecked(false);
      onChanged(data, 'saved');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  async function setDisabled(disabled: boolean) {
    setBusy(true);
    setAccessError(null);
    try {
      const { data } = await api.send<StaffUserView>('PATCH', `/api/v1/admin/users/${user.id}`, {
        body: { disabled },
      });
      setConfirming(false);
      onChanged(data, disabled ? 'disabled' : 'enabled');
    } catch (failure) {
      setAccessError(failure);
    } finally {
      setBusy(false);
    }
  }

  const passwordProblemNow = passwordChecked ? passwordProblem(password, user.username) : undefined;
  const passwordApiError = passwordError instanceof ApiError ? passwordError : undefined;
  const passwordMessage = passwordProblemNow
    ? t(`problems.${passwordProblemNow}`)
    : passwordApiError?.messageFor('password');

  async function resetPassword(event: FormEvent) {
    event.preventDefault();
    setPasswordChecked(true);
    setPasswordError(null);
    if (passwordProblem(password, user.username)) return;
    setBusy(true);
    try {
      await api.send<void>('POST', `/api/v1/admin/users/${user.id}/password`, { body: { password } });
      setPassword('');
      setPasswordChecked(false);
      onChanged(user, 'passwordSet');
    } catch (failure) {
      setPasswordError(failure);
    } finally {
      setBusy(false);
    }
  }

  const fieldRefusal = apiError && apiError.fieldErrors.length > 0;
  return (
    <section className="card admin-panel" aria-labelledby={`${id}-heading`}>
      <div className="admin-panel__top">
        <h2 id={`${id}-heading`} ref={heading} tabIndex={-1}>
          {t('form.editHeading', { username: user.username })}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          {t('form.close')}
        </button>
      </div>

      {(hasProblems(problems) || fieldRefusal) && (
        <p className="notice notice--error" role="alert">
          {t('form.checkFields')}
        </p>
      )}
      {error !== null && !fieldRefusal && <ErrorNotice error={error} />}
      {unchanged && (
        <p className="notice notice--info" role="status">
          {t('form.nothingChanged')}
        </p>
      )}
      <form noValidate onSubmit={(event) => void save(event)}>
        <div className="admin-form-grid">
          <AssignmentFields
            draft={draft}
            onChange={(change) => {
              setDraft((previous) => ({ ...previous, ...change }));
              setError(null);
              setUnchanged(false);
            }}
            errorOf={errorOf}
            organizations={organizations}
            listId={`${id}-organizations`}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('form.saving') : t('form.save')}
        </button>
      </form>

      <h3>{t('access.heading')}</h3>
      <p>
        <span className={`badge ${user.disabled ? 'badge--overdue' : 'badge--ok'}`}>
          {user.disabled ? t('users.disabled') : t('users.enabled')}
        </span>{' '}
        {user.disabled ? t('access.isDisabled') : t('access.isEnabled')}
      </p>
      <ErrorNotice error={accessError} />
      {own && !user.disabled ? (
        <p className="admin-muted">{t('access.selfNote')}</p>
      ) : user.disabled ? (
        <button type="button" className="button" disabled={busy} onClick={() => void setDisabled(false)}>
          {t('access.enable')}
        </button>
      ) : confirming ? (
        <div className="notice notice--info admin-confirm" role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('access.confirmDisable', { username: user.username })}</p>
          <div className="admin-buttons">
            <button
              type="button"
              className="button button--danger"
              disabled={busy}
              onClick={() => void setDisabled(true)}
            >
              {t('access.confirmDisableButton')}
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              {t('form.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
          {t('access.disable')}
        </button>
      )}

      <h3>{t('access.newPasswordHeading')}</h3>
      {passwordError !== null && !passwordApiError?.messageFor('password') && (
        <ErrorNotice error={passwordError} />
      )}
      <form noValidate onSubmit={(event) => void resetPassword(event)} className="admin-password">
        <FormField label={t('access.newPassword')} hint={t('access.newPasswordHint')} error={passwordMessage}>
          <input
            type="password"
            value={password}
            autoComplete="new-password"
            onChange={(event) => {
              setPassword(event.target.value);
              setPasswordError(null);
            }}
          />
        </FormField>
        <button type="submit" className="button" disabled={busy}>
          {t('access.setPassword')}
        </button>
      </form>
    </section>
  );
}
