import type { StaffRole } from '@app/contracts/console-api/admin';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import i18next from 'i18next';
import { ApiClient } from './api-client';
import { TokenStore } from './tokens';
import { isUiLanguage, type UiLanguage } from '../i18n/languages';

/** `GET /api/v1/me`: who is signed in. */
export interface Me {
  userId: string;
  username: string | null;
  role: StaffRole;
  organizationId: string | null;
  regionKato: string | null;
  language: UiLanguage;
}

export type SessionState =
  { status: 'starting' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me };

interface Session {
  api: ApiClient;
  state: SessionState;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
  /** Sets the UI language and, when signed in, the account's (its in-app messages follow it). */
  setLanguage: (language: UiLanguage) => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/**
 * The i18next instance itself, not useTranslation()'s `i18n`: react-i18next hands out a new wrapper object on
 * every language change, so nothing that must live as long as the tab may depend on it.
 */
const i18n = i18next;

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'starting' });
  // One client for the tab's life: its single-flight refresh is what keeps a rotated refresh token from being
  // spent twice (which would end the session).
  const [api] = useState(
    () =>
      new ApiClient(
        new TokenStore(),
        () => i18n.language,
        () => setState({ status: 'signed-out' }),
      ),
  );

  const signIn = useCallback(async () => {
    const me = await api.get<Me>('/api/v1/me');
    setState({ status: 'signed-in', me });
    if (isUiLanguage(me.language)) await i18n.changeLanguage(me.language);
  }, [api]);

  const restored = useRef(false);
  useEffect(() => {
    if (restored.current) return;
    restored.current = true;
    // A reload keeps the session while the tab's tokens are good. If the console cannot answer now, the sign-in
    // screen shows; the tab keeps its tokens for the next reload.
    api
      .resume()
      .then((ok) => (ok ? signIn() : setState({ status: 'signed-out' })))
      .catch(() => setState({ status: 'signed-out' }));
  }, [api, signIn]);

  const session = useMemo<Session>(
    () => ({
      api,
      state,
      async login(username, password) {
        await api.login(username, password);
        await signIn();
      },
      async logout() {
        await api.logout();
        setState({ status: 'signed-out' });
      },
      async setLanguage(language) {
        await i18n.changeLanguage(language);
        if (state.status !== 'signed-in' || state.me.username === null) return;
        const { data } = await api.send<Me>('PATCH', '/api/v1/me', { body: { language } });
        setState({ status: 'signed-in', me: data });
      },
    }),
    [api, state, signIn],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in member of staff; only for screens behind the sign-in. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe on a signed-out screen');
  return state.me;
}
