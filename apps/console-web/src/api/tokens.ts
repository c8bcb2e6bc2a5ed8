export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds the access token is valid. */
  expiresIn: number;
}

const REFRESH_KEY = 'console.refresh-token';
const ACCESS_KEY = 'console.access-token';

interface KeptAccessToken {
  token: string;
  expiresAt: number;
  /** How close to its end it is no longer worth a request: a fresh one is asked for instead. */
  marginMs: number;
}

/**
 * Where the tokens live: the tab's sessionStorage, so a reload keeps the session (and, while its access token is
 * good, spends no refresh token: two quick reloads cannot present a spent one) and closing the tab ends it. The
 * page's CSP allows no script but the bundle's own.
 */
export class TokenStore {
  constructor(private readonly now: () => number = Date.now) {}

  /** The access token, while it is not at its end; a stored value that is not one is dropped. */
  get accessToken(): string | null {
    const kept = this.kept();
    return kept && kept.expiresAt - kept.marginMs > this.now() ? kept.token : null;
  }

  get refreshToken(): string | null {
    return sessionStorage.getItem(REFRESH_KEY);
  }

  keep(pair: TokenPair): void {
    const lifetimeMs = pair.expiresIn * 1000;
    // A quarter of its life, at most 30 s: a token of 15 minutes is renewed 30 s early, one of 20 s after 15 s.
    const kept: KeptAccessToken = {
      token: pair.accessToken,
      expiresAt: this.now() + lifetimeMs,
      marginMs: Math.min(30_000, lifetimeMs / 4),
    };
    sessionStorage.setItem(ACCESS_KEY, JSON.stringify(kept));
    sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
  }

  clear(): void {
    sessionStorage.removeItem(ACCESS_KEY);
    sessionStorage.removeItem(REFRESH_KEY);
  }

  private kept(): KeptAccessToken | null {
    const text = sessionStorage.getItem(ACCESS_KEY);
    if (text === null) return null;
    try {
      const value = JSON.parse(text) as Partial<KeptAccessToken> | null;
      if (
        typeof value?.token === 'string' &&
        Number.isFinite(value.expiresAt) &&
        Number.isFinite(value.marginMs)
      )
        return value as KeptAccessToken;
    } catch {
      // Not ours, or damaged: as if there were none.
    }
    sessionStorage.removeItem(ACCESS_KEY);
    return null;
  }
}
