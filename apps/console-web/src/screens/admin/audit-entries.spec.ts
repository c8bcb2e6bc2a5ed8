import type { AuditEntryView } from '@app/contracts/console-api/admin';
import {
  KNOWN_AUDIT_ACTIONS,
  actionKey,
  auditDetailOf,
  auditFilterProblems,
  auditFiltersOf,
  auditQueryOf,
  camelKey,
  fieldKey,
  searchParamsOf,
  startOfNextKazakhstanDay,
} from './audit-entries';
import en from '../../i18n/locales/en/admin.json';

const entry: AuditEntryView = {
  id: 7,
  at: '2026-11-30T10:00:00.000Z',
  actorKind: 'staff',
  actorId: 'admin-id',
  actorRole: 'admin',
  action: 'user.update',
  appealId: null,
  fields: [],
  outcome: 'ok',
  detail: {},
};

describe('actionKey / fieldKey', () => {
  it('names known codes in camel case and leaves others to be shown raw', () => {
    expect(camelKey('case.take-under-control')).toBe('caseTakeUnderControl');
    expect(actionKey('login.failed')).toBe('actions.loginFailed');
    expect(actionKey('case.read')).toBe('actions.caseRead');
    expect(actionKey('case.something-new')).toBeUndefined();
    expect(fieldKey('citizen.iin')).toBe('fields.citizenIin');
    expect(fieldKey('subject')).toBe('fields.subject');
    expect(fieldKey('citizen.address')).toBeUndefined();
  });

  it('has a text for every known action (the locales are checked for equal keys elsewhere)', () => {
    const actions = (en as { actions: Record<string, string> }).actions;
    for (const action of KNOWN_AUDIT_ACTIONS) expect(actions[camelKey(action)]).toEqual(expect.any(String));
  });
});

describe('auditDetailOf', () => {
  it('names the account an entry concerns, a known refusal reason and a list size', () => {
    expect(auditDetailOf({ ...entry, detail: { userId: 'someone', disabled: true } })).toEqual({
      userId: 'someone',
    });
    expect(auditDetailOf({ ...entry, detail: { userId: 'admin-id' } })).toEqual({});
    expect(
      auditDetailOf({ ...entry, action: 'login.failed', detail: { reason: 'wrong-password', userId: null } }),
    ).toEqual({ reasonKey: 'reasons.wrongPassword' });
    expect(auditDetailOf({ ...entry, detail: { reason: 'new-reason' } })).toEqual({ reason: 'new-reason' });
    expect(auditDetailOf({ ...entry, detail: { appealIds: ['a', 'b'] } })).toEqual({ appealCount: 2 });
  });
});

describe('audit filters', () => {
  it('round-trips through the URL, leaving empty ones out', () => {
    const filters = auditFiltersOf(new URLSearchParams('action=login.failed&fromDate=2026-11-01&x=1'));
    expect(filters).toEqual({
      actor: '',
      action: 'login.failed',
      appeal: '',
      fromDate: '2026-11-01',
      toDate: '',
      before: '',
    });
    expect(searchParamsOf(filters).toString()).toBe('action=login.failed&fromDate=2026-11-01');
  });

  it('turns Kazakhstan days into the API range, the last day included', () => {
    expect(startOfNextKazakhstanDay('2026-11-30')).toBe('2026-11-30T19:00:00.000Z');
    const query = auditQueryOf(
      auditFiltersOf(new URLSearchParams('fromDate=2026-11-01&toDate=2026-11-30&before=120')),
    );
    expect(query).toEqual({
      actor: undefined,
      action: undefined,
      appeal: undefined,
      from: '2026-10-31T19:00:00.000Z',
      to: '2026-11-30T19:00:00.000Z',
      before: 120,
      limit: 50,
    });
  });

  it('leaves out and reports an appeal that is no id and a range that ends before it starts', () => {
    const filters = auditFiltersOf(
      new URLSearchParams('appeal=KZ-123&fromDate=2026-11-10&toDate=2026-11-01&before=abc'),
    );
    expect(auditFilterProblems(filters)).toEqual({ appeal: 'appealId', toDate: 'dateOrder' });
    const query = auditQueryOf(filters);
    expect(query.appeal).toBeUndefined();
    expect(query.to).toBeUndefined();
    expect(query.before).toBeUndefined();
    expect(
      auditQueryOf(auditFiltersOf(new URLSearchParams('appeal=9B3C1A52-0C59-4A8E-9A55-0D7F1C2B3A41'))).appeal,
    ).toBe('9b3c1a52-0c59-4a8e-9a55-0d7f1c2b3a41');
  });
});
