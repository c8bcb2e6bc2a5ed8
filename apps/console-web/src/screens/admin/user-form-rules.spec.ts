import type { StaffUserView } from '@app/contracts/console-api/admin';
import {
  EMPTY_NEW_USER,
  assignmentProblems,
  bindingOf,
  createBody,
  editDraftOf,
  hasProblems,
  newUserProblems,
  passwordProblem,
  updateBody,
} from './user-form-rules';

const operator: StaffUserView = {
  id: '9b3c1a52-0c59-4a8e-9a55-0d7f1c2b3a41',
  username: 'operator.test',
  role: 'operator',
  organizationId: 'akimat-almaty',
  regionKato: null,
  language: 'kk',
  disabled: false,
  createdAt: '2026-11-30T10:00:00.000Z',
  updatedAt: '2026-11-30T10:00:00.000Z',
};

describe('bindingOf', () => {
  it('binds an operator to an organisation, a supervisor to a region, other roles to nothing', () => {
    expect(bindingOf('operator')).toBe('organization');
    expect(bindingOf('supervisor')).toBe('region');
    expect(bindingOf('central-reception')).toBeNull();
    expect(bindingOf('admin')).toBeNull();
    expect(bindingOf('')).toBeNull();
  });
});

describe('newUserProblems', () => {
  it('asks for a username, a password and a role on an empty form', () => {
    expect(newUserProblems(EMPTY_NEW_USER)).toEqual({
      username: 'required',
      password: 'required',
      role: 'required',
    });
  });

  it('refuses a username outside the console pattern', () => {
    const draft = { ...EMPTY_NEW_USER, role: 'admin' as const, password: 'long enough pass' };
    expect(newUserProblems({ ...draft, username: 'ab' }).username).toBe('usernamePattern');
    expect(newUserProblems({ ...draft, username: '.dot.first' }).username).toBe('usernamePattern');
    expect(newUserProblems({ ...draft, username: 'оператор' }).username).toBe('usernamePattern');
    expect(newUserProblems({ ...draft, username: 'operator.almaty-2' })).toEqual({});
  });

  it('needs an organisation for an operator and a known region for a supervisor', () => {
    const draft = { ...EMPTY_NEW_USER, username: 'new.user', password: 'long enough pass' };
    expect(newUserProblems({ ...draft, role: 'operator' })).toEqual({ organizationId: 'required' });
    expect(newUserProblems({ ...draft, role: 'operator', organizationId: '  ' })).toEqual({
      organizationId: 'required',
    });
    expect(newUserProblems({ ...draft, role: 'supervisor' })).toEqual({ regionKato: 'required' });
    expect(newUserProblems({ ...draft, role: 'supervisor', regionKato: '123456789' })).toEqual({
      regionKato: 'regionUnknown',
    });
    expect(newUserProblems({ ...draft, role: 'supervisor', regionKato: '750000000' })).toEqual({});
  });

  it('ignores a binding left over from another role', () => {
    const draft = { ...EMPTY_NEW_USER, username: 'new.user', password: 'long enough pass' };
    expect(hasProblems(newUserProblems({ ...draft, role: 'central-reception', regionKato: 'x' }))).toBe(
      false,
    );
  });
});

describe('passwordProblem', () => {
  it('counts characters as typed and refuses the username or spaces', () => {
    expect(passwordProblem('', 'u')).toBe('required');
    expect(passwordProblem('short', 'u')).toBe('passwordTooShort');
    expect(passwordProblem('😀😀😀😀😀😀😀', 'u')).toBe('passwordTooShort');
    expect(passwordProblem('         ', 'u')).toBe('passwordBlank');
    expect(passwordProblem('Operator.Test', 'operator.test')).toBe('passwordIsUsername');
    expect(passwordProblem('x'.repeat(257), 'u')).toBe('passwordTooLong');
    expect(passwordProblem('a passphrase of words', 'u')).toBeUndefined();
  });
});

describe('createBody', () => {
  it('sends only the binding of the chosen role, trimmed', () => {
    const draft = {
      username: ' New.User ',
      password: ' secret with spaces ',
      organizationId: ' akimat-almaty ',
      regionKato: '750000000',
      language: 'ru' as const,
    };
    expect(createBody({ ...draft, role: 'operator' })).toEqual({
      username: 'New.User',
      password: ' secret with spaces ',
      role: 'operator',
      organizationId: 'akimat-almaty',
      language: 'ru',
    });
    expect(createBody({ ...draft, role: 'supervisor' })).toEqual({
      username: 'New.User',
      password: ' secret with spaces ',
      role: 'supervisor',
      regionKato: '750000000',
      language: 'ru',
    });
    expect(createBody({ ...draft, role: 'admin' })).not.toHaveProperty('organizationId');
    expect(createBody({ ...draft, role: 'admin' })).not.toHaveProperty('regionKato');
  });
});

describe('updateBody', () => {
  it('is undefined when nothing changed', () => {
    expect(updateBody(operator, editDraftOf(operator))).toBeUndefined();
  });

  it('sends a changed organisation or language alone', () => {
    expect(updateBody(operator, { ...editDraftOf(operator), organizationId: 'akimat-astana' })).toEqual({
      organizationId: 'akimat-astana',
    });
    expect(updateBody(operator, { ...editDraftOf(operator), language: 'en' })).toEqual({ language: 'en' });
  });

  it('carries the binding the new role needs, and none for a role without one', () => {
    expect(
      updateBody(operator, { ...editDraftOf(operator), role: 'supervisor', regionKato: '750000000' }),
    ).toEqual({ role: 'supervisor', regionKato: '750000000' });
    expect(updateBody(operator, { ...editDraftOf(operator), role: 'central-reception' })).toEqual({
      role: 'central-reception',
    });
  });

  it('checks a role change for its binding', () => {
    expect(
      assignmentProblems({ role: 'supervisor', organizationId: 'akimat-almaty', regionKato: '' }),
    ).toEqual({ regionKato: 'required' });
  });
});
