import { Navigate, NavLink, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LiveEventsProvider } from '../api/live';
import { useSession, type Me } from '../api/session';
import { useUnreadCount } from '../screens/notifications/useUnreadCount';
import { LanguageSwitch } from './LanguageSwitch';
import { navigationFor } from './navigation';

/** The frame of staff's screens: the menu their role may use, the language, and signing out. */
export function StaffLayout() {
  const { t } = useTranslation();
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'starting')
    return (
      <p className="app-loading" role="status">
        {t('state.loading')}
      </p>
    );
  if (state.status === 'signed-out')
    return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <LiveEventsProvider enabled={state.me.role !== 'admin'}>
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <StaffHeader me={state.me} />
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </LiveEventsProvider>
  );
}

function StaffHeader({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { logout } = useSession();
  const unread = useUnreadCount();
  return (
    <header className="app-header">
      <span className="app-header__name">{t('app.name')}</span>
      <nav aria-label={t('nav.label')}>
        <ul className="app-nav">
          {navigationFor(me.role).map((item) => (
            <li key={item.path}>
              <NavLink to={item.path}>
                {t(item.label)}
                {item.path === '/queue' && unread.count > 0 && (
                  // The messages panel is on the queue screen: its link carries the count.
                  <span className="nav-badge">
                    {unread.label}
                    <span className="visually-hidden"> {t('nav.unreadMessages')}</span>
                  </span>
                )}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="app-header__account">
        <LanguageSwitch />
        <span className="app-header__user">
          {me.username ?? t('app.externalUser')} · {t(`roles.${me.role}`)}
        </span>
        <button type="button" className="button button--quiet" onClick={() => void logout()}>
          {t('nav.logout')}
        </button>
      </div>
    </header>
  );
}
