import type { Principal } from '../access/principal';
import { allowedActions } from './case-actions-allowed';
import { CaseStatus } from './case-status';

const operator: Principal = {
  kind: 'staff',
  userId: 'u1',
  role: 'operator',
  organizationId: 'akimat-almaty',
};
const otherOperator: Principal = { ...operator, organizationId: 'akimat-astana' };
const supervisor: Principal = { kind: 'staff', userId: 'u2', role: 'supervisor', regionKato: '750000000' };
const central: Principal = { kind: 'staff', userId: 'u3', role: 'central-reception' };
const portal: Principal = { kind: 'system', clientId: 'portal', source: 'urn:kz:egov:portal' };

const base = {
  status: CaseStatus.new,
  organizationId: 'akimat-almaty',
  source: 'urn:kz:egov:portal',
  escalationCount: 0,
  underControlBy: null,
  dueAt: '2026-03-23T18:59:59.999Z',
};

describe('allowedActions', () => {
  it('lets the holding operator accept a new case, then answer it', () => {
    expect(allowedActions(base, operator)).toEqual(['accept', 'transfer', 'extend']);
    expect(allowedActions({ ...base, status: CaseStatus.inWork }, operator)).toEqual([
      'respond',
      'transfer',
      'extend',
    ]);
  });

  it('gives an operator of another body nothing, even one answerable at the first level once escalated', () => {
    expect(allowedActions(base, otherOperator)).toEqual([]);
    expect(
      allowedActions({ ...base, organizationId: 'central-reception', escalationCount: 1 }, operator),
    ).toEqual([]);
  });

  it('lets a supervisor escalate an owed case, and the central reception take an escalated one under control', () => {
    expect(allowedActions(base, supervisor)).toEqual(['escalate']);
    const escalated = { ...base, organizationId: 'central-reception', escalationCount: 1 };
    expect(allowedActions(escalated, central)).toEqual([
      'accept',
      'transfer',
      'extend',
      'take-under-control',
    ]);
    expect(allowedActions({ ...escalated, underControlBy: 'u3' }, central)).not.toContain(
      'take-under-control',
    );
  });

  it("lets the submitting system accept or reject an answer on the citizen's behalf", () => {
    expect(allowedActions({ ...base, status: CaseStatus.answered }, portal)).toEqual(['resolve', 'reopen']);
    expect(allowedActions({ ...base, status: CaseStatus.answered, source: 'urn:other' }, portal)).toEqual([]);
    expect(allowedActions(base, portal)).toEqual([]);
  });
});
