import type { CaseScope } from '../access/case-scope';
import { isInScope, type CaseChange } from './case-change';

const change: CaseChange = {
  appealId: '0b6f7a52-3c55-4b8e-9a51-0d2f5d0c9a11',
  trackingNumber: 'KZ-2026-000001',
  version: 3,
  status: 'new',
  level: 'central-reception',
  dueAt: '2026-12-21T18:59:59.999Z',
  eventType: 'kz.appeals.escalated.v1',
  organizationId: 'central-reception',
  responsibleOrganizationId: 'akimat-almaty',
  scopeRegionKato: '750000000',
  source: 'urn:portal:egov',
};

describe('isInScope: who hears of a changed case', () => {
  it.each<[string, CaseScope, boolean]>([
    ['the holder', { kind: 'organization', organizationId: 'central-reception' }, true],
    [
      'the body that was responsible before escalation',
      { kind: 'organization', organizationId: 'akimat-almaty' },
      true,
    ],
    ['another akimat', { kind: 'organization', organizationId: 'akimat-astana' }, false],
    ["the region's supervisor", { kind: 'region', regionKato: '750000000' }, true],
    ["another region's supervisor", { kind: 'region', regionKato: '710000000' }, false],
    ['the central reception', { kind: 'all' }, true],
    ['the portal that submitted it', { kind: 'source', source: 'urn:portal:egov' }, true],
    ['another portal', { kind: 'source', source: 'urn:portal:other' }, false],
    ['an admin', { kind: 'none' }, false],
  ])('%s: %s', (_, scope, expected) => {
    expect(isInScope(scope, change)).toBe(expected);
  });
});
