import { fetchEventSource } from '@microsoft/fetch-event-source';
import { useEffect, useRef } from 'react';
import { useSession } from './session';

/** `case-changed` from `GET /api/v1/live`: never personal data. */
export interface CaseChange {
  appealId: string;
  trackingNumber: string;
  version: number;
  status: string;
  level: string | null;
  dueAt: string | null;
  eventType: string;
}

export interface LiveHandlers {
  onCaseChanged?(change: CaseChange): void;
  onNotification?(message: unknown): void;
  /** After a reconnect: missed events are not replayed, so lists reload. */
  onReconnected?(): void;
}

class StreamEnded extends Error {}

/**
 * The console's live stream for as long as the screen is open. The stream carries the bearer token, so it is
 * read with fetch (EventSource cannot send headers); it ends when the token expires, and is opened again with a
 * fresh one.
 */
export function useLiveEvents(handlers: LiveHandlers): void {
  const { api, state } = useSession();
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const signedIn = state.status === 'signed-in';

  useEffect(() => {
    if (!signedIn) return;
    const stop = new AbortController();
    let opened = 0;
    const run = async () => {
      while (!stop.signal.aborted) {
        try {
          await fetchEventSource('/api/v1/live', {
            headers: api.authHeaders(),
            signal: stop.signal,
            openWhenHidden: true,
            onopen: async (response) => {
              if (!response.ok) throw new StreamEnded(String(response.status));
              if (opened++ > 0) latest.current.onReconnected?.();
            },
            onmessage: (message) => {
              if (message.event === 'case-changed')
                latest.current.onCaseChanged?.(JSON.parse(message.data) as CaseChange);
              if (message.event === 'notification') latest.current.onNotification?.(JSON.parse(message.data));
            },
            onclose: () => {
              throw new StreamEnded('closed');
            },
            onerror: (error) => {
              throw error;
            },
          });
        } catch {
          if (stop.signal.aborted) return;
          await new Promise((resolve) => setTimeout(resolve, 1000));
          if (!(await api.refresh())) return;
        }
      }
    };
    void run();
    return () => stop.abort();
  }, [api, signedIn]);
}
