import { CENTRAL_RECEPTION_ID } from '@app/contracts';
import type { Principal } from './principal';

/**
 * Which cases a caller may see, as one value every query applies in SQL. A case outside it answers 404, as if
 * it did not exist: a caller learns nothing about another organisation's cases.
 */
export type CaseScope =
  | { kind: 'organization'; organizationId: string }
  | { kind: 'region'; regionKato: string }
  | { kind: 'all' }
  | { kind: 'source'; source: string }
  | { kind: 'none' };

export function caseScopeOf(principal: Principal): CaseScope {
  if (principal.kind === 'system') return { kind: 'source', source: principal.source };
  switch (principal.role) {
    case 'operator':
      return principal.organizationId
        ? { kind: 'organization', organizationId: principal.organizationId }
        : { kind: 'none' };
    case 'supervisor':
      return principal.regionKato ? { kind: 'region', regionKato: principal.regionKato } : { kind: 'none' };
    case 'central-reception':
      return { kind: 'all' };
    case 'admin':
      return { kind: 'none' };
  }
}

/** The organisation that acts when this caller acts as the holder of a case. */
export function actingOrganizationOf(principal: Principal): string | undefined {
  if (principal.kind !== 'staff') return undefined;
  if (principal.role === 'operator') return principal.organizationId;
  if (principal.role === 'central-reception') return CENTRAL_RECEPTION_ID;
  return undefined;
}
