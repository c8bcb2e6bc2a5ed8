import { CENTRAL_RECEPTION_ID } from '@app/contracts';
import type { Principal } from '../access/principal';
import { regionOf } from '../cases/read-model/case-fold';
import type { SqlParams } from '../cases/read-model/sql-params';

/**
 * Whose in-app messages a caller reads. A message is addressed to one organisation's staff, so this is not the
 * case scope: the central reception reads every case but only the messages addressed to it, not every akimat's.
 * A supervisor oversees the bodies of a region: it reads their messages about the region's cases (the console
 * knows a body's region only through the cases it holds), not those addressed to the central reception.
 * Admins and systems get no messages (the routes refuse them, as the case routes refuse admins).
 */
export type MessageScope =
  | { kind: 'organization'; organizationId: string }
  | { kind: 'region'; regionKato: string }
  | { kind: 'none' };

export function messageScopeOf(principal: Principal): MessageScope {
  if (principal.kind === 'system') return { kind: 'none' };
  switch (principal.role) {
    case 'operator':
      return principal.organizationId
        ? { kind: 'organization', organizationId: principal.organizationId }
        : { kind: 'none' };
    case 'central-reception':
      return { kind: 'organization', organizationId: CENTRAL_RECEPTION_ID };
    case 'supervisor':
      return principal.regionKato ? { kind: 'region', regionKato: principal.regionKato } : { kind: 'none' };
    case 'admin':
      return { kind: 'none' };
  }
}

/** The scope as a condition on console.staff_message (aliased `alias`), for every statement that reads or marks. */
export function messageScopeCondition(scope: MessageScope, params: SqlParams, alias = 'm'): string {
  switch (scope.kind) {
    case 'organization':
      return `${alias}.organization_id = ${params.add(scope.organizationId)}`;
    case 'region':
      return `(${alias}.organization_id <> ${params.add(CENTRAL_RECEPTION_ID)} AND EXISTS (
        SELECT 1 FROM console.case_file c
        WHERE c.appeal_id = ${alias}.appeal_id AND c.scope_region_kato = ${params.add(regionOf(scope.regionKato))}))`;
    case 'none':
      return 'FALSE';
  }
}

/** Where a message belongs, as the live stream is told of it. */
export interface MessagePlace {
  organizationId: string;
  /** The region of the message's case when it arrived; null when the case is not in the read model (yet). */
  scopeRegionKato: string | null;
}

/** The in-memory twin of {@link messageScopeCondition}, for the live stream. */
export function isMessageInScope(scope: MessageScope, place: MessagePlace): boolean {
  switch (scope.kind) {
    case 'organization':
      return place.organizationId === scope.organizationId;
    case 'region':
      return (
        place.organizationId !== CENTRAL_RECEPTION_ID && place.scopeRegionKato === regionOf(scope.regionKato)
      );
    case 'none':
      return false;
  }
}
