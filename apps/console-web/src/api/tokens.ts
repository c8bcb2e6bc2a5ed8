export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

const REFRESH_KEY = 'console.refresh-token';

/**
 * Where the tokens live: the access token in memory only; the refresh token in the tab's sessionStorage, so a
 * reload keeps the session and closing the tab ends it. The page's CSP allows no script but the bundle's own.
 */
export class TokenStore {
  private access: string | null = null;
  private readonly listeners = new Set<() => void>();

  get accessToken(): string | null {
    return this.access;
  }

  get refreshToken(): string | null {
    return sessionStorage.getItem(REFRESH_KEY);
  }

  keep(pair: TokenPair): void {
    this.access = pair.accessToken;
    sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
    this.changed();
  }

  clear(): void {
    this.access = null;
    sessionStorage.removeItem(REFRESH_KEY);
    this.changed();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
