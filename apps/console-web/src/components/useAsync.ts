import { useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  /** The latest answer; kept while a new one loads, so a list does not blink. */
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(this: void): void;
}

/**
 * Loads what a screen shows, again whenever `key` (what the request depends on, e.g. its filters) changes or
 * `reload` is called. An answer to a request that is no longer current is dropped.
 */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> {
  const [round, setRound] = useState(0);
  const requestKey = `${key}#${round}`;
  const [result, setResult] = useState<{ key: string; data?: T; error: unknown }>({ key: '', error: null });
  const latestLoad = useRef(load);
  useEffect(() => {
    latestLoad.current = load;
  });
  useEffect(() => {
    let current = true;
    latestLoad.current().then(
      (data) => current && setResult({ key: requestKey, data, error: null }),
      (error: unknown) =>
        current && setResult((previous) => ({ key: requestKey, data: previous.data, error })),
    );
    return () => {
      current = false;
    };
  }, [requestKey]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { data: result.data, error: result.error, loading: result.key !== requestKey, reload };
}
