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
  constructor(readonly status: number | 'closed') {
    super(`live stream ended: ${status}`);
  }
}

/** Waits `ms`, or less if the signal aborts first. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Reads the console's live stream until `signal` aborts. The stream carries the bearer token, so it is read with
 * fetch (EventSource cannot send headers). It ends when the token expires: then a fresh token opens it again at
 * once. A 401 asks for a fresh token too; a 403 (a role the stream is not for) stops for good; an outage or a busy
 * console is tried again, waiting longer each time (up to 30 s), with the token it has.
 */
async function follow(api: ApiClient, signal: AbortSignal, handlers: Required<LiveHandlers>): Promise<void> {
  let opened = 0;
  let failures = 0;
  while (!signal.aborted) {
    try {
      await fetchEventSource('/api/v1/live', {
        headers: api.authHeaders(),
        signal,
        openWhenHidden: true,
        onopen: async (response) => {
          if (!response.ok) throw new StreamEnded(response.status);
          failures = 0;
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
      if (ended === 401 || ended === 'closed') {
        const stillSignedIn = await api.refresh().catch(() => null);
        if (stillSignedIn === false) return;
        if (stillSignedIn === true) continue;
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
