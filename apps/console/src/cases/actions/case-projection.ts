import type { CloudEvent } from '@app/contracts';
import type { EntityManager } from 'typeorm';

/**
 * The read model's projection of one lifecycle event onto its case, in the caller's transaction, idempotent
 * by event id (the same event comes back later from the topic). An action applies its own event through it,
 * so the case page shows the action at once and the ETag moves with it.
 */
export abstract class CaseProjection {
  abstract apply(manager: EntityManager, event: CloudEvent): Promise<unknown>;
}
