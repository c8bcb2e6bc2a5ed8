const REPORT_EVERY_MS = 2_000;
const STALL_MS = 60_000;
const POLL_MS = 200;

export interface ProgressWatch {
  /** What is counted, for the progress lines: "registered by intake". */
  what: string;
  total: number;
  /** How many are done now. */
  done: () => number | Promise<number>;
  log: (line: string) => void;
  signal?: AbortSignal;
  /** How often `done` is asked (200 ms); a count that scans a table asks less often. */
  pollMs?: number;
}

/** "1,234/5,000 registered by intake, 812/s", the rate over the last interval. */
export function progressLine(what: string, done: number, total: number, perSecond: number): string {
  const format = (value: number): string => Math.round(value).toLocaleString('en-US');
  return `  ${format(done)}/${format(total)} ${what}, ${format(perSecond)}/s`;
}

/**
 * Polls until `total` are done, printing a line with the rate every 2 s; fails when nothing moved for 60 s
 * (a stuck service would otherwise hold the run for ever). Resolves with the time the last one was seen.
 */
export async function waitWithProgress(watch: ProgressWatch): Promise<number> {
  let last = { done: 0, at: performance.now() };
  let moved = last;
  for (;;) {
    watch.signal?.throwIfAborted();
    const done = await watch.done();
    const now = performance.now();
    if (done >= watch.total) return now;
    if (done !== moved.done) moved = { done, at: now };
    if (now - moved.at > STALL_MS)
      throw new Error(
        `no progress for ${STALL_MS / 1000} s at ${done}/${watch.total} ${watch.what}: see .local/bench-logs/`,
      );
    if (now - last.at >= REPORT_EVERY_MS) {
      watch.log(progressLine(watch.what, done, watch.total, ((done - last.done) * 1000) / (now - last.at)));
      last = { done, at: now };
    }
    await new Promise((resolve) => setTimeout(resolve, watch.pollMs ?? POLL_MS));
  }
}
