import type { LiveCaseChange } from '@app/contracts/console-api/live';
import { fetchEventSource } from '@microsoft/fetch-event-source';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from './api-client';
import { useSession } from './session';

export interface LiveHandlers {
  onCaseChanged?(change: LiveCaseChange): void;
  onNotification?(message: unknown): void;
  /** After a reconnect: missed events are not replayed, so lists reload. */
  onReconnected?(): void;
}

type Subscriber = { readonly current: LiveHandlers };

const LiveContext = createContext<Set<Subscriber> | null>(null);

/** Why a stream ended: the server's refusal (its status), or the end of the stream (the token expired). */
class StreamEnded extends Error {
  constructor(readonly status: number | 'closed' | 'not-a-stream') {
    super(`live stream ended: ${status}`);
  }
}

/** Waits `ms`, or less if the signal aborts first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** A stream that lived this long ended normally (its token expired): it is opened again at once. */
const LIVED_MS = 10_000;

/**
 * Reads the console's live stream until `signal` aborts. The stream carries the bearer token, so it is read with
 * fetch (EventSource cannot send headers). A stream that lived a while and ended (its token expired, the
 * console restarted) is opened again at once, with a fresh token if the one it has is at its end. A 401 asks for a
 * fresh token; a 403 (a role the stream is not for) stops for good; anything else (an outage, a busy console, a
 * stream that ends at once, an answer that is not a stream) is tried again, waiting longer each time (up to 30 s).
 */
async function follow(api: ApiClient, signal: AbortSignal, handlers: Required<LiveHandlers>): Promise<void> {
  let opened = 0;
  let failures = 0;
  while (!signal.aborted) {
    let openedAt: number | null = null;
    try {
      await fetchEventSource('/api/v1/live', {
        headers: api.authHeaders(),
        signal,
        openWhenHidden: true,
        onopen: async (response) => {
          if (!response.ok) throw new StreamEnded(response.status);
          if (!response.headers.get('content-type')?.startsWith('text/event-stream'))
            throw new StreamEnded('not-a-stream');
          openedAt = Date.now();
          if (opened++ > 0) handlers.onReconnected();
        },
        onmessage: (message) => {
          if (message.event === 'case-changed')
            handlers.onCaseChanged(JSON.parse(message.data) as LiveCaseChange);
          if (message.event === 'notification') handlers.onNotification(JSON.parse(message.data));
        },
        onclose: () => {
          throw new StreamEnded('closed');
        },
        onerror: (error) => {
          throw error;
        },
      });
    } catch (error) {
      if (signal.aborted) return;
      const ended = error instanceof StreamEnded ? error.status : null;
      if (ended === 403) return;
      const lived = openedAt !== null && Date.now() - openedAt >= LIVED_MS;
      if (lived) failures = 0;
      // A 401 says the token is no good; a stream that ended after a while may only need the token it has.
      if (ended === 401 || (ended === 'closed' && lived)) {
        const needsToken = ended === 401 || !api.hasUsableAccessToken();
        const stillSignedIn = needsToken ? await api.refresh().catch(() => null) : true;
        if (stillSignedIn === false) return;
        if (stillSignedIn === true && lived) continue;
      }
      await pause(Math.min(30_000, 1000 * 2 ** failures++), signal);
    }
  }
}

/**
 * One live stream per signed-in tab, shared by every screen and panel that listens; none for a role the stream
 * is not for (`enabled` false: an administrator has no cases and no messages).
 */
export function LiveEventsProvider({ children, enabled }: { children: ReactNode; enabled: boolean }) {
  const { api } = useSession();
  const [subscribers] = useState(() => new Set<Subscriber>());
  useEffect(() => {
    if (!enabled) return;
    const stop = new AbortController();
    const each = (call: (handlers: LiveHandlers) => void) =>
      subscribers.forEach((subscriber) => call(subscriber.current));
    void follow(api, stop.signal, {
      onCaseChanged: (change) => each((handlers) => handlers.onCaseChanged?.(change)),
      onNotification: (message) => each((handlers) => handlers.onNotification?.(message)),
      onReconnected: () => each((handlers) => handlers.onReconnected?.()),
    });
    return () => stop.abort();
  }, [api, subscribers, enabled]);
  return <LiveContext.Provider value={subscribers}>{children}</LiveContext.Provider>;
}

/** Calls the handlers for what the tab's live stream brings, for as long as the component is mounted. */
export function useLiveEvents(handlers: LiveHandlers): void {
  const subscribers = useContext(LiveContext);
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!subscribers) return;
    subscribers.add(latest);
    return () => {
      subscribers.delete(latest);
    };
  }, [subscribers]);
}
