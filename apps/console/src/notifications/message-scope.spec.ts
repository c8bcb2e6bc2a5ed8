import type { Principal } from '../access/principal';
import { isMessageInScope, messageScopeCondition, messageScopeOf, type MessagePlace } from './message-scope';
import { SqlParams } from '../cases/read-model/sql-params';

const toAlmaty: MessagePlace = { organizationId: 'akimat-almaty', scopeRegionKato: '750000000' };
const toCentralAboutAlmaty: MessagePlace = {
  organizationId: 'central-reception',
  scopeRegionKato: '750000000',
};

const callers: Record<string, Principal> = {
  'operator of Almaty': { kind: 'staff', userId: 'u1', role: 'operator', organizationId: 'akimat-almaty' },
  'operator of Astana': { kind: 'staff', userId: 'u2', role: 'operator', organizationId: 'akimat-astana' },
  'supervisor of Almaty': { kind: 'staff', userId: 'u3', role: 'supervisor', regionKato: '750000000' },
  'supervisor of Astana': { kind: 'staff', userId: 'u4', role: 'supervisor', regionKato: '710000000' },
  'central reception': { kind: 'staff', userId: 'u5', role: 'central-reception' },
  admin: { kind: 'staff', userId: 'u6', role: 'admin' },
  system: { kind: 'system', clientId: 'portal', source: 'urn:portal:egov' },
};

describe('who reads an in-app message', () => {
  it.each<[string, boolean, boolean]>([
    // caller, the akimat's message, the central reception's message about the same region's case
    ['operator of Almaty', true, false],
    ['operator of Astana', false, false],
    ['supervisor of Almaty', true, false],
    ['supervisor of Astana', false, false],
    ['central reception', false, true],
    ['admin', false, false],
    ['system', false, false],
  ])('%s', (caller, akimats, centrals) => {
    const scope = messageScopeOf(callers[caller]);
    expect([isMessageInScope(scope, toAlmaty), isMessageInScope(scope, toCentralAboutAlmaty)]).toEqual([
      akimats,
      centrals,
    ]);
  });

  it('a supervisor hears nothing of a message whose case the read model does not hold yet', () => {
    const scope = messageScopeOf(callers['supervisor of Almaty']);
    expect(isMessageInScope(scope, { ...toAlmaty, scopeRegionKato: null })).toBe(false);
  });

  it('puts every value into parameters, none into the SQL text', () => {
    const params = new SqlParams();
    const sql = messageScopeCondition(messageScopeOf(callers['supervisor of Almaty']), params);
    expect(params.values).toEqual(['central-reception', '750000000']);
    expect(sql).not.toContain('750000000');
    expect(messageScopeCondition({ kind: 'none' }, new SqlParams())).toBe('FALSE');
  });
});
