import {
  ACTION_FORMS,
  ACTION_ORDER,
  actionPath,
  addDays,
  extensionBounds,
  ifMatchOf,
  MAX_ANSWER_LENGTH,
  MAX_REASON_LENGTH,
  openActions,
  requestBody,
  validate,
  versionOf,
} from './case-actions';

describe('openActions', () => {
  it('offers exactly the actions the API says are open, in the page order', () => {
    expect(openActions(['extend', 'accept', 'respond']).map((form) => form.action)).toEqual([
      'accept',
      'respond',
      'extend',
    ]);
  });

  it('offers nothing when nothing is open, and ignores actions it does not know', () => {
    expect(openActions([])).toEqual([]);
    expect(openActions(['archive'])).toEqual([]);
  });

  it('knows every action of the state machine', () => {
    expect([...ACTION_ORDER].sort()).toEqual(Object.keys(ACTION_FORMS).sort());
    expect(ACTION_ORDER).toHaveLength(8);
  });

  it('confirms the actions without a body and asks for fields of the others', () => {
    const confirmed = ACTION_ORDER.filter((action) => ACTION_FORMS[action].confirm);
    expect(confirmed.sort()).toEqual(['accept', 'reopen', 'resolve']);
    for (const action of confirmed) expect(ACTION_FORMS[action].fields).toEqual([]);
    expect(ACTION_FORMS.respond.fields.map((field) => field.name)).toEqual(['text']);
    expect(ACTION_FORMS.transfer.fields.map((field) => field.name)).toEqual([
      'reason',
      'suggestedOrganizationId',
    ]);
    expect(ACTION_FORMS.extend.fields.map((field) => field.name)).toEqual(['dueAt', 'reason']);
    expect(ACTION_FORMS.escalate.fields.map((field) => field.name)).toEqual(['reason']);
    expect(ACTION_FORMS['take-under-control'].fields.map((field) => field.name)).toEqual(['note']);
  });
});

describe('validate', () => {
  it('requires the required fields, blank text included', () => {
    expect(validate(ACTION_FORMS.respond, {})).toEqual({ text: { code: 'required' } });
    expect(validate(ACTION_FORMS.respond, { text: '  \n ' })).toEqual({ text: { code: 'required' } });
    expect(validate(ACTION_FORMS['take-under-control'], { note: '' })).toEqual({
      note: { code: 'required' },
    });
  });

  it('lets an optional field stay empty', () => {
    expect(validate(ACTION_FORMS.transfer, { reason: 'not ours' })).toEqual({});
  });

  it('refuses text beyond the API limits (20000 for an answer, 2000 for a reason, 128 for a body id)', () => {
    expect(validate(ACTION_FORMS.respond, { text: 'a'.repeat(MAX_ANSWER_LENGTH) })).toEqual({});
    expect(validate(ACTION_FORMS.respond, { text: 'a'.repeat(MAX_ANSWER_LENGTH + 1) })).toEqual({
      text: { code: 'tooLong', max: 20000 },
    });
    expect(validate(ACTION_FORMS.escalate, { reason: 'a'.repeat(MAX_REASON_LENGTH + 1) })).toEqual({
      reason: { code: 'tooLong', max: 2000 },
    });
    expect(
      validate(ACTION_FORMS.transfer, { reason: 'x', suggestedOrganizationId: 'a'.repeat(129) }),
    ).toEqual({ suggestedOrganizationId: { code: 'tooLong', max: 128 } });
  });

  it('keeps the new deadline within its bounds', () => {
    const bounds = { min: '2026-12-24', max: '2027-02-23' };
    const extend = (dueAt: string) => validate(ACTION_FORMS.extend, { dueAt, reason: 'why' }, bounds);
    expect(extend('2026-12-24')).toEqual({});
    expect(extend('2027-02-23')).toEqual({});
    expect(extend('2026-12-23')).toEqual({ dueAt: { code: 'tooEarly', date: '2026-12-24' } });
    expect(extend('2027-02-24')).toEqual({ dueAt: { code: 'tooLate', date: '2027-02-23' } });
    expect(extend('24.12.2026')).toEqual({ dueAt: { code: 'invalidDate' } });
    expect(validate(ACTION_FORMS.extend, {}, bounds)).toEqual({
      dueAt: { code: 'required' },
      reason: { code: 'required' },
    });
  });
});

describe('extensionBounds', () => {
  it('starts the day after a deadline at the end of its day, and ends on the limit day', () => {
    // 2026-12-23T23:59:59.999+05:00 and 2027-02-23T23:59:59.999+05:00, as the API sends them.
    expect(
      extensionBounds({ dueAt: '2026-12-23T18:59:59.999Z', extensionLimit: '2027-02-23T18:59:59.999Z' }),
    ).toEqual({ min: '2026-12-24', max: '2027-02-23' });
  });

  it('allows the same day for a deadline earlier in that day, and not a limit day whose end is past the limit', () => {
    expect(
      extensionBounds({ dueAt: '2026-12-23T05:00:00.000Z', extensionLimit: '2027-02-23T05:00:00.000Z' }),
    ).toEqual({ min: '2026-12-23', max: '2027-02-22' });
  });

  it('has no upper bound without a limit', () => {
    expect(extensionBounds({ dueAt: '2026-12-23T18:59:59.999Z', extensionLimit: null })).toEqual({
      min: '2026-12-24',
      max: null,
    });
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });
});

describe('requestBody', () => {
  it('sends nothing for a confirmed action', () => {
    expect(requestBody(ACTION_FORMS.accept, {})).toBeUndefined();
  });

  it('sends the date as the end of that day in Kazakhstan, and the reason trimmed', () => {
    expect(
      requestBody(ACTION_FORMS.extend, { dueAt: '2027-01-15', reason: '  more time needed \n' }),
    ).toEqual({
      dueAt: '2027-01-15T18:59:59.000Z',
      reason: 'more time needed',
    });
  });

  it('leaves an empty optional field out', () => {
    expect(requestBody(ACTION_FORMS.transfer, { reason: 'not ours', suggestedOrganizationId: ' ' })).toEqual({
      reason: 'not ours',
    });
    expect(
      requestBody(ACTION_FORMS.transfer, { reason: 'not ours', suggestedOrganizationId: 'akimat-astana' }),
    ).toEqual({ reason: 'not ours', suggestedOrganizationId: 'akimat-astana' });
  });

  it('keeps the line breaks inside an answer', () => {
    expect(requestBody(ACTION_FORMS.respond, { text: 'Line one\nLine two' })).toEqual({
      text: 'Line one\nLine two',
    });
  });
});

describe('the request', () => {
  it('posts to the action path with the version as a strong ETag', () => {
    expect(actionPath('2ed9fae5-a0fd-4a09-91de-8cc290ed5975', 'take-under-control')).toBe(
      '/api/v1/cases/2ed9fae5-a0fd-4a09-91de-8cc290ed5975/actions/take-under-control',
    );
    expect(ifMatchOf(7)).toBe('"7"');
    expect(versionOf('"12"')).toBe(12);
    expect(versionOf('W/"12"')).toBe(0);
    expect(versionOf(null)).toBe(0);
  });
});
