import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useSession } from '../../api/session';
import { homeOf } from '../../app/navigation';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField } from '../../components/FormField';
import { PageHeading } from '../../components/PageHeading';

export function LoginScreen() {
  const { t } = useTranslation('login');
  const { state, login } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (state.status === 'signed-in') return <Navigate to={from ?? homeOf(state.me.role)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blank = { username: username.trim() === '', password: password === '' };
    setMissing(blank);
    if (blank.username || blank.password) return;
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
      void navigate(from ?? '/', { replace: true });
    } catch (failure) {
      setError(failure);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card login">
      <PageHeading title={t('title')} />
      <p>{t('intro')}</p>
      <ErrorNotice error={error} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <FormField label={t('username')} error={missing.username ? t('required') : undefined}>
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(event) => setUsername(event.target.value)}
            required
            autoFocus
          />
        </FormField>
        <FormField label={t('password')} error={missing.password ? t('required') : undefined}>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            required
          />
        </FormField>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('signingIn') : t('submit')}
        </button>
      </form>
    </section>
  );
}
