import { ApiError } from './api-error';
import type { TokenPair, TokenStore } from './tokens';

export type Query = Record<string, string | number | boolean | undefined | null>;

export interface SendOptions {
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

/**
 * The console's API as the screens use it: JSON in and out, the caller's bearer token, the UI language as
 * Accept-Language (the API answers refusals in it), and one refresh of an expired access token, shared by
 * every request that meets it at once (a refresh token used twice ends the session).
 */
export class ApiClient {
  private refreshing: Promise<boolean> | null = null;

  constructor(
    private readonly tokens: TokenStore,
    private readonly language: () => string,
    private readonly onSessionEnded: () => void,
  ) {}

  async get<T>(path: string, query?: Query): Promise<T> {
    return (await this.request<T>('GET', withQuery(path, query))).data;
  }

  async send<T>(
    method: 'POST' | 'PATCH' | 'DELETE',
    path: string,
    options: SendOptions = {},
  ): Promise<ApiResponse<T>> {
    return this.request<T>(method, path, options);
  }

  /** Logs in: keeps the pair and returns nothing; a wrong password is an ApiError 401. */
  async login(username: string, password: string): Promise<void> {
    const { data } = await this.request<TokenPair>('POST', '/api/v1/auth/login', {
      body: { username, password },
      anonymous: true,
    });
    this.tokens.keep(data);
  }

  /** Ends the session on the server too; the tokens are forgotten whatever the answer. */
  async logout(): Promise<void> {
    try {
      if (this.tokens.accessToken) await this.request('POST', '/api/v1/auth/logout');
    } catch {
      // The session may already be over (expired, revoked): forgetting the tokens is what matters here.
    } finally {
      this.tokens.clear();
    }
  }

  /**
   * A fresh access token for a stream or a reload: true, or false when the session is over (the refresh token is
   * spent, expired or revoked). A refresh that could not be made now (429, an outage) throws and keeps the
   * session: the user retries, and is not sent back to sign in.
   */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.refreshOnce().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** On a page load: the session goes on with the tab's access token while it is good, else with a fresh one. */
  async resume(): Promise<boolean> {
    return this.hasUsableAccessToken() || this.refresh();
  }

  /** Whether the tab holds an access token that is not at its end. */
  hasUsableAccessToken(): boolean {
    return this.tokens.accessToken !== null;
  }

  /** The headers of an authenticated request, for the live stream. */
  authHeaders(): Record<string, string> {
    const token = this.tokens.accessToken;
    return { 'Accept-Language': this.language(), ...(token && { Authorization: `Bearer ${token}` }) };
  }

  private async refreshOnce(): Promise<boolean> {
    const refreshToken = this.tokens.refreshToken;
    if (!refreshToken) return false;
    const response = await fetch('/api/v1/auth/refresh', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (response.status === 401) {
      this.endSession();
      return false;
    }
    if (!response.ok) throw await ApiError.of(response);
    this.tokens.keep((await response.json()) as TokenPair);
    return true;
  }

  private async request<T>(
    method: string,
    path: string,
    options: SendOptions & { anonymous?: boolean } = {},
    retried = false,
  ): Promise<ApiResponse<T>> {
    if (!options.anonymous && !this.tokens.accessToken && !retried) await this.refresh();
    const response = await fetch(path, {
      method,
      headers: {
        Accept: 'application/json',
        ...(options.anonymous ? { 'Accept-Language': this.language() } : this.authHeaders()),
        ...(options.body !== undefined && { 'Content-Type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    if (response.status === 401 && !options.anonymous && !retried) {
      if (await this.refresh()) return this.request<T>(method, path, options, true);
      this.endSession();
    }
    if (!response.ok) throw await ApiError.of(response);
    const data = (response.status === 204 ? undefined : await response.json()) as T;
    return { data, headers: response.headers };
  }

  private endSession(): void {
    this.tokens.clear();
    this.onSessionEnded();
  }
}

function withQuery(path: string, query: Query | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
