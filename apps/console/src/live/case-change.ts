import type { LiveCaseChange } from '@app/contracts';
import type { EntityManager } from 'typeorm';
import { notifyInOrder } from './notify-in-order';
import type { CaseScope } from '../access/case-scope';
import { regionOf } from '../cases/read-model/case-fold';

/** PostgreSQL channel the read model announces changed cases on; every console instance listens. */
export const CASE_CHANGES_CHANNEL = 'console_case_changes';

/**
 * A case that changed, as the read model announces it between console instances: what live clients are told
 * (`LiveCaseChange`: ids, status and deadline only — never the citizen or the text, which a client reads from
 * the case page, an audited read), and the case's scope columns, to decide who may hear of it.
 */
export interface CaseChange extends LiveCaseChange {
  organizationId: string | null;
  responsibleOrganizationId: string | null;
  scopeRegionKato: string;
  source: string;
}

/**
 * Announces changes, in order, in the caller's transaction: PostgreSQL delivers the notices only when the
 * transaction commits, so a client never hears of a change that was rolled back.
 */
export function announceCaseChanges(manager: EntityManager, changes: readonly CaseChange[]): Promise<void> {
  return notifyInOrder(manager, CASE_CHANGES_CHANNEL, changes);
}

/** The in-memory twin of the scope every case query applies in SQL (cases/read-model/scope-condition.ts). */
export function isInScope(scope: CaseScope, change: CaseChange): boolean {
  switch (scope.kind) {
    case 'organization':
      return (
        change.organizationId === scope.organizationId ||
        change.responsibleOrganizationId === scope.organizationId
      );
    case 'region':
      return change.scopeRegionKato === regionOf(scope.regionKato);
    case 'all':
      return true;
    case 'source':
      return change.source === scope.source;
    case 'none':
      return false;
  }
}
