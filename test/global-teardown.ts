/** The data dir stays for its broker.log, which helps explain a failed run; the next run starts fresh. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__APPEALS_KAFKA__?.stop();
  reportWhatKeepsTheProcess();
}

/**
 * Names what is still open once everything should be (timers, pipes, sockets), so that a run that does not end by
 * itself says why. `npm test` passes --forceExit so that such a leak cannot hang CI; this line is how it is found.
 */
function reportWhatKeepsTheProcess(): void {
  const open = process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap');
  if (open.length === 0) return;
  const counts = new Map<string, number>();
  for (const kind of open) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  const summary = [...counts].map(([kind, count]) => `${kind} × ${count}`).join(', ');
  process.stdout.write(`[teardown] still open after the tests: ${summary}\n`);
}
