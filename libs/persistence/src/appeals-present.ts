import type { EntityManager } from 'typeorm';
import { assertSqlIdentifier } from './sql-identifier';

/**
 * Which of `appealIds` have a row in `schema.table` (keyed by its `appeal_id` column), as PostgreSQL spells
 * them: in lower case.
 */
export async function appealsPresent(
  manager: EntityManager,
  schema: string,
  table: string,
  appealIds: readonly string[],
): Promise<Set<string>> {
  if (appealIds.length === 0) return new Set();
  const rows = await manager.query<Array<{ appeal_id: string }>>(
    `SELECT appeal_id FROM ${assertSqlIdentifier(schema)}.${assertSqlIdentifier(table)}
     WHERE appeal_id = ANY($1::uuid[])`,
    [appealIds],
  );
  return new Set(rows.map((row) => row.appeal_id));
}
