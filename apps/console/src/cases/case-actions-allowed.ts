import { actingOrganizationOf } from '../access/case-scope';
import type { Principal } from '../access/principal';
import { CaseStatus } from './case-status';
import type { CaseFile } from './read-model/case-file';

export const CaseAction = {
  accept: 'accept',
  respond: 'respond',
  resolve: 'resolve',
  transfer: 'transfer',
  extend: 'extend',
  escalate: 'escalate',
  takeUnderControl: 'take-under-control',
  reopen: 'reopen',
} as const;
export type CaseAction = (typeof CaseAction)[keyof typeof CaseAction];

type CaseFacts = Pick<
  CaseFile,
  'status' | 'organizationId' | 'source' | 'escalationCount' | 'underControlBy' | 'dueAt'
>;

/** Statuses in which the holding body still owes an answer. */
const OWED: readonly CaseStatus[] = [CaseStatus.new, CaseStatus.inWork];

/**
 * What the caller may do with the case now, as the case page shows it. The caller is known to see the case
 * (scope was applied when it was loaded); this decides by role, holding and status only. The action state
 * machine is the authority when an action is taken; this is its first, read-only answer.
 */
export function allowedActions(file: CaseFacts, principal: Principal): CaseAction[] {
  if (principal.kind === 'system')
    return file.status === CaseStatus.answered && file.source === principal.source
      ? [CaseAction.resolve, CaseAction.reopen]
      : [];
  const holds = actingOrganizationOf(principal) === file.organizationId && file.organizationId !== null;
  const allowed: CaseAction[] = [];
  if (holds) {
    if (file.status === CaseStatus.new) allowed.push(CaseAction.accept);
    if (file.status === CaseStatus.inWork) allowed.push(CaseAction.respond);
    if (OWED.includes(file.status)) allowed.push(CaseAction.transfer);
    if (OWED.includes(file.status) && file.dueAt !== null) allowed.push(CaseAction.extend);
    if (file.status === CaseStatus.answered) allowed.push(CaseAction.resolve);
  }
  if (principal.role === 'supervisor' && OWED.includes(file.status)) allowed.push(CaseAction.escalate);
  if (
    principal.role === 'central-reception' &&
    file.escalationCount > 0 &&
    file.underControlBy === null &&
    file.status !== CaseStatus.resolved
  )
    allowed.push(CaseAction.takeUnderControl);
  return allowed;
}
