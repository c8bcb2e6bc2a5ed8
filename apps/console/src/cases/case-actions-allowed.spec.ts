import { CENTRAL_RECEPTION_ID } from '@app/contracts';
import type { Principal } from '../access/principal';
import { CaseStateMachine } from './actions/case-state-machine';
import { allowedActions } from './case-actions-allowed';
import { CaseStatus } from './case-status';
import type { CaseFile } from './read-model/case-file';

const machine = new CaseStateMachine();

const operator: Principal = {
  kind: 'staff',
  userId: 'u1',
  role: 'operator',
  organizationId: 'akimat-almaty',
};
const supervisor: Principal = { kind: 'staff', userId: 'u2', role: 'supervisor', regionKato: '750000000' };
const central: Principal = { kind: 'staff', userId: 'u3', role: 'central-reception' };
const portal: Principal = { kind: 'system', clientId: 'portal', source: 'urn:kz:egov:portal' };

const file = {
  status: CaseStatus.new,
  organizationId: 'akimat-almaty',
  responsibleOrganizationId: 'akimat-almaty',
  scopeRegionKato: '750000000',
  source: 'urn:kz:egov:portal',
  level: 'regional-akimat',
  underControlBy: null,
  responseId: null,
  dueAt: '2099-03-23T18:59:59.999Z',
  originalDueAt: '2099-03-23T18:59:59.999Z',
} as unknown as CaseFile;

describe('allowedActions (the case page)', () => {
  it('lists what the state machine opens to the caller now, in its order', () => {
    expect(allowedActions(machine, file, operator)).toEqual(['accept', 'respond', 'transfer', 'extend']);
    expect(allowedActions(machine, file, supervisor)).toEqual(['extend', 'escalate']);
    expect(allowedActions(machine, file, central)).toEqual([]);
    expect(
      allowedActions(machine, { ...file, status: CaseStatus.answered, responseId: 'r-1' }, portal),
    ).toEqual(['resolve', 'reopen']);
  });

  it('opens control to the central reception once the case is at its level', () => {
    const escalated = { ...file, organizationId: CENTRAL_RECEPTION_ID, level: 'central-reception' };
    expect(allowedActions(machine, escalated, central)).toEqual([
      'accept',
      'respond',
      'extend',
      'take-under-control',
    ]);
    expect(allowedActions(machine, escalated, operator)).toEqual([]);
  });
});
