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

class StreamEnded extends Error {}

/**
 * Reads the console's live stream until `signal` aborts. The stream carries the bearer token, so it is read with
 * fetch (EventSource cannot send headers); it ends when the token expires and is opened again with a fresh one.
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
          if (!response.ok) throw new StreamEnded(String(response.status));
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
    } catch {
      if (signal.aborted) return;
      // An outage or a busy console: wait longer each time (up to 30 s) rather than knock again at once.
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** failures++)));
      const stillSignedIn = await api.refresh().catch(() => true);
      if (!stillSignedIn) return;
    }
  }
}

/** One live stream per signed-in tab, shared by every screen and panel that listens. */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const { api } = useSession();
  const [subscribers] = useState(() => new Set<Subscriber>());
  useEffect(() => {
    const stop = new AbortController();
    const each = (call: (handlers: LiveHandlers) => void) =>
      subscribers.forEach((subscriber) => call(subscriber.current));
    void follow(api, stop.signal, {
      onCaseChanged: (change) => each((handlers) => handlers.onCaseChanged?.(change)),
      onNotification: (message) => each((handlers) => handlers.onNotification?.(message)),
      onReconnected: () => each((handlers) => handlers.onReconnected?.()),
    });
    return () => stop.abort();
  }, [api, subscribers]);
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
