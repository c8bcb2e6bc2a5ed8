/** The data dir stays for its broker.log, which helps explain a failed run; the next run starts fresh. */
export default async function globalTeardown(): Promise<void> {
  await globalThis.__APPEALS_KAFKA__?.stop();
}
