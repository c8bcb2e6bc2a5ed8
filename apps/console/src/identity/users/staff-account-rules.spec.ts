import {
  decideAssignment,
  normalizeUsername,
  passwordProblems,
  USERNAME_PATTERN,
} from './staff-account-rules';

describe('usernames', () => {
  it.each(['operator.almaty', 'a_b', 'Supervisor-75', 'x'.repeat(64)])('accepts %s', (name) =>
    expect(USERNAME_PATTERN.test(name)).toBe(true),
  );

  it.each(['ab', '.dot-first', 'dash-last-', 'with space', 'кирилл', 'x'.repeat(65), 'a@b.kz'])(
    'refuses %s',
    (name) => expect(USERNAME_PATTERN.test(name)).toBe(false),
  );

  it('compares without case', () => expect(normalizeUsername(' Operator.Almaty ')).toBe('operator.almaty'));
});

describe('passwordProblems', () => {
  it('wants the minimum length, counted in letters rather than UTF-16 units', () => {
    expect(passwordProblems('short', 'someone', 12)).toEqual([
      {
        field: 'password',
        reason: 'password must be at least 12 characters long',
        code: 'passwordTooShort',
        params: { min: 12 },
      },
    ]);
    expect(passwordProblems('😀'.repeat(6), 'someone', 12)).toHaveLength(1);
    expect(passwordProblems('a long enough passphrase', 'someone', 12)).toEqual([]);
  });

  it('refuses only spaces and the username itself', () => {
    expect(passwordProblems(' '.repeat(16), 'someone', 12)[0].reason).toMatch(/only spaces/);
    expect(passwordProblems('Operator.Almaty', 'operator.almaty', 12)[0].reason).toMatch(/username/);
  });
});

describe('decideAssignment', () => {
  it('binds an operator to an organisation and a supervisor to a region, other roles to nothing', () => {
    expect(decideAssignment({ role: 'operator', organizationId: 'akimat-almaty' })).toEqual({
      ok: true,
      value: { role: 'operator', organizationId: 'akimat-almaty', regionKato: null },
    });
    expect(decideAssignment({ role: 'supervisor', regionKato: '750000000' })).toEqual({
      ok: true,
      value: { role: 'supervisor', organizationId: null, regionKato: '750000000' },
    });
    expect(decideAssignment({ role: 'central-reception' })).toEqual({
      ok: true,
      value: { role: 'central-reception', organizationId: null, regionKato: null },
    });
  });

  it('names what a role misses or must not have', () => {
    expect(decideAssignment({ role: 'operator' })).toMatchObject({
      ok: false,
      errors: [{ field: 'organizationId' }],
    });
    expect(decideAssignment({ role: 'supervisor', regionKato: '751110000' })).toMatchObject({
      ok: false,
      errors: [{ field: 'regionKato', reason: expect.stringContaining('of a region') }],
    });
    expect(
      decideAssignment({ role: 'admin', organizationId: 'akimat-almaty', regionKato: '750000000' }),
    ).toMatchObject({
      ok: false,
      errors: [{ field: 'organizationId' }, { field: 'regionKato' }],
    });
  });

  it('keeps a binding the role still needs and drops one it no longer does', () => {
    const operator = { role: 'operator' as const, organizationId: 'akimat-almaty', regionKato: null };
    expect(decideAssignment({}, operator)).toEqual({ ok: true, value: operator });
    expect(decideAssignment({ organizationId: 'akimat-astana' }, operator)).toMatchObject({
      value: { organizationId: 'akimat-astana' },
    });
    expect(decideAssignment({ role: 'central-reception' }, operator)).toEqual({
      ok: true,
      value: { role: 'central-reception', organizationId: null, regionKato: null },
    });
    expect(decideAssignment({ role: 'supervisor' }, operator)).toMatchObject({
      ok: false,
      errors: [{ field: 'regionKato' }],
    });
  });
});
