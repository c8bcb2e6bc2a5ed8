import type { Principal } from '../access/principal';
import { actingCaseOf } from './actions/acting-case';
import type { CaseAction, CaseStateMachine } from './actions/case-state-machine';
import type { CaseFile } from './read-model/case-file';

export type { CaseAction };

/**
 * The actions the caller may take on the case now, for the case page: the state machine's own answer, so the
 * page never offers what the action would refuse (`CaseStateMachine.allowedActions` also says why not).
 */
export function allowedActions(
  machine: CaseStateMachine,
  file: CaseFile,
  principal: Principal,
): CaseAction[] {
  return machine
    .allowedActions(actingCaseOf(file), principal)
    .filter((entry) => entry.allowed)
    .map((entry) => entry.action);
}
