import type { CaseScope } from '../../access/case-scope';
import { regionOf } from './case-fold';
import type { SqlParams } from './sql-params';

/**
 * The caller's scope as a condition on console.case_file (aliased `alias`), for every query and every action:
 * an operator's organisation holds the case or answers for it at the first level, a supervisor's region
 * oversees it, the central reception sees all, a system sees what it submitted, an admin sees none.
 */
export function scopeCondition(scope: CaseScope, params: SqlParams, alias = 'c'): string {
  switch (scope.kind) {
    case 'organization': {
      const organization = params.add(scope.organizationId);
      return `(${alias}.organization_id = ${organization} OR ${alias}.responsible_organization_id = ${organization})`;
    }
    case 'region':
      return `${alias}.scope_region_kato = ${params.add(regionOf(scope.regionKato))}`;
    case 'all':
      return 'TRUE';
    case 'source':
      return `${alias}.source = ${params.add(scope.source)}`;
    case 'none':
      return 'FALSE';
  }
}
