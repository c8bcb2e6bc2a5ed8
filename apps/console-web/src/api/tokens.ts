export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token is valid. */
  expiresIn: number;
}

const REFRESH_KEY = 'console.refresh-token';
const ACCESS_KEY = 'console.access-token';
/** An access token this close to its end is not worth a request: a fresh one is asked for instead. */
const MARGIN_MS = 30_000;

/**
 * Where the tokens live: the tab's sessionStorage, so a reload keeps the session (and, while its access token is
 * good, spends no refresh token: two quick reloads cannot present a spent one) and closing the tab ends it. The
 * page's CSP allows no script but the bundle's own.
 */
export class TokenStore {
  constructor(private readonly now: () => number = Date.now) {}

  /** The access token, while it has more than a few seconds left. */
  get accessToken(): string | null {
    const kept = sessionStorage.getItem(ACCESS_KEY);
    if (!kept) return null;
    const { token, expiresAt } = JSON.parse(kept) as { token: string; expiresAt: number };
    return expiresAt - MARGIN_MS > this.now() ? token : null;
  }

  get refreshToken(): string | null {
    return sessionStorage.getItem(REFRESH_KEY);
  }

  keep(pair: TokenPair): void {
    const expiresAt = this.now() + pair.expiresIn * 1000;
    sessionStorage.setItem(ACCESS_KEY, JSON.stringify({ token: pair.accessToken, expiresAt }));
    sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
  }

  clear(): void {
    sessionStorage.removeItem(ACCESS_KEY);
    sessionStorage.removeItem(REFRESH_KEY);
  }
}
