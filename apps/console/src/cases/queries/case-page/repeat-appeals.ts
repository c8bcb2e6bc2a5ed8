import type { RepeatAppeal } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseScope } from '../../../access/case-scope';
import type { CaseFile } from '../../read-model/case-file';
import { scopeCondition } from '../../read-model/scope-condition';
import { SqlParams } from '../../read-model/sql-params';

export const REPEAT_WINDOW = '12 months';
const MAX_REPEATS = 20;

/**
 * Appeals of the same citizen (citizen_key), the same category and the same region, received within 12 months
 * before or after this one, that the caller may see: a repeat the caller cannot see stays unmentioned.
 */
@Injectable()
export class RepeatAppeals {
  async of(manager: EntityManager, file: CaseFile, scope: CaseScope): Promise<RepeatAppeal[]> {
    if (file.citizenKey === null) return [];
    const params = new SqlParams();
    const receivedAt = params.add(file.receivedAt);
    const rows = await manager.query<Array<RepeatAppeal & { receivedAt: Date }>>(
      `SELECT c.appeal_id AS "appealId", c.tracking_number AS "trackingNumber", c.status, c.category,
              c.region_kato AS "regionKato", c.received_at AS "receivedAt"
       FROM console.case_file c
       WHERE c.citizen_key = ${params.add(file.citizenKey)}
         AND c.category = ${params.add(file.category)}
         AND left(c.region_kato, 2) = left(${params.add(file.regionKato)}, 2)
         AND c.appeal_id <> ${params.add(file.appealId)}
         AND c.received_at BETWEEN ${receivedAt}::timestamptz - interval '${REPEAT_WINDOW}'
                               AND ${receivedAt}::timestamptz + interval '${REPEAT_WINDOW}'
         AND ${scopeCondition(scope, params)}
       ORDER BY c.received_at DESC, c.appeal_id
       LIMIT ${MAX_REPEATS}`,
      params.values,
    );
    return rows.map((row) => ({ ...row, receivedAt: row.receivedAt.toISOString() }));
  }
}
