import { useCallback, useEffect, useRef } from 'react';

/**
 * A burst of calls runs `run` once: `quietMs` after the last call, and never later than `maxWaitMs` after the
 * first, so a steady stream of live events (the central reception's whole country) still refreshes the screen.
 */
export function useCoalesced(run: () => void, quietMs = 500, maxWaitMs = 5000): () => void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  const quiet = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const firstAt = useRef<number | null>(null);
  useEffect(() => () => clearTimeout(quiet.current), []);
  return useCallback(() => {
    const now = Date.now();
    firstAt.current ??= now;
    clearTimeout(quiet.current);
    const wait = Math.max(0, Math.min(quietMs, firstAt.current + maxWaitMs - now));
    quiet.current = setTimeout(() => {
      firstAt.current = null;
      latest.current();
    }, wait);
  }, [quietMs, maxWaitMs]);
}
