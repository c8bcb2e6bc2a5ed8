import type { EntityManager } from 'typeorm';

/**
 * Sends each notice on `channel`, in order, in the caller's transaction: PostgreSQL delivers them only when it
 * commits, so no console instance hears of what was rolled back. One statement for any number of notices.
 */
export async function notifyInOrder(
  manager: EntityManager,
  channel: string,
  notices: readonly unknown[],
): Promise<void> {
  if (notices.length === 0) return;
  await manager.query('SELECT pg_notify($1, notice) FROM unnest($2::text[]) AS notice', [
    channel,
    notices.map((notice) => JSON.stringify(notice)),
  ]);
}
