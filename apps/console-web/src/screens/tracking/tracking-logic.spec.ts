import {
  answerLinkOf,
  answerNoticeOf,
  answerStageOf,
  holderOf,
  readTrackingNumber,
  reasonOf,
  statusKey,
  stepKey,
  TRACKING_NUMBER_EXAMPLE,
  trackPath,
} from './tracking-logic';

describe('a typed tracking number', () => {
  it('is taken in upper case and without spaces', () => {
    expect(readTrackingNumber(' kz-2026-7k3m-9q2x ')).toEqual({ ok: true, value: 'KZ-2026-7K3M-9Q2X' });
    expect(readTrackingNumber('KZ-2026- 7K3M -9Q2X')).toEqual({ ok: true, value: 'KZ-2026-7K3M-9Q2X' });
  });

  it('is required, and refused when not of the form intake issues', () => {
    expect(readTrackingNumber('   ')).toEqual({ ok: false, problem: 'required' });
    expect(readTrackingNumber('KZ-2026-7K3M')).toEqual({ ok: false, problem: 'format' });
    // Crockford's base32 has no I, L, O or U.
    expect(readTrackingNumber('KZ-2026-7K3M-9Q2U')).toEqual({ ok: false, problem: 'format' });
    expect(readTrackingNumber('../admin')).toEqual({ ok: false, problem: 'format' });
  });

  it('has an example of its own form for the hint', () => {
    expect(readTrackingNumber(TRACKING_NUMBER_EXAMPLE).ok).toBe(true);
  });

  it('makes the path of its page', () => {
    expect(trackPath('KZ-2026-7K3M-9Q2X')).toBe('/track/KZ-2026-7K3M-9Q2X');
  });
});

describe('the status page', () => {
  it('has words for every step it knows, and one for a step added later', () => {
    expect(stepKey('deadline-assigned')).toBe('steps.deadline-assigned');
    expect(stepKey('taken-under-control')).toBe('steps.taken-under-control');
    expect(stepKey('something-new')).toBe('steps.other');
  });

  it('names the status with the common words, or not at all when it is unknown', () => {
    expect(statusKey('in-work')).toBe('common:status.in-work');
    expect(statusKey('archived')).toBeUndefined();
  });

  it('names the holder by its name, else by its level', () => {
    expect(holderOf({ organizationName: 'Алматы қаласының әкімдігі', level: 'regional-akimat' })).toEqual({
      kind: 'name',
      name: 'Алматы қаласының әкімдігі',
    });
    expect(holderOf({ organizationName: null, level: 'central-reception' })).toEqual({
      kind: 'level',
      levelKey: 'common:level.central-reception',
    });
    expect(holderOf({ organizationName: null, level: null })).toEqual({ kind: 'none' });
  });

  it('tells of the answer only while it awaits the citizen', () => {
    const at = '2026-03-05T06:00:00.000Z';
    expect(answerNoticeOf({ status: 'answered', answeredAt: at })).toBe(at);
    expect(answerNoticeOf({ status: 'resolved', answeredAt: at })).toBeUndefined();
    expect(answerNoticeOf({ status: 'answered' })).toBeUndefined();
  });
});

describe('the answer page', () => {
  it('reads the two parameters of the link, and nothing without both', () => {
    expect(answerLinkOf(new URLSearchParams('response=r-1&secret=abc_-9'))).toEqual({
      response: 'r-1',
      secret: 'abc_-9',
    });
    expect(answerLinkOf(new URLSearchParams('response=r-1'))).toBeNull();
    expect(answerLinkOf(new URLSearchParams('secret=&response=r-1'))).toBeNull();
  });

  it('offers the decision only on the answer in force that nobody decided on', () => {
    const answered = { caseStatus: 'answered' };
    expect(answerStageOf({ ...answered, current: true, decision: null })).toBe('decide');
    expect(answerStageOf({ ...answered, current: true, decision: 'accepted' })).toBe('decided');
    expect(answerStageOf({ caseStatus: 'new', current: false, decision: 'rejected' })).toBe('decided');
    expect(answerStageOf({ ...answered, current: false, decision: null })).toBe('replaced');
    // Staff closed it: the citizen may still reject the answer (which reopens it), not accept it again.
    expect(answerStageOf({ caseStatus: 'resolved', current: true, decision: null })).toBe('reject-only');
    // Reopened on a rejection received on paper: nothing is left to decide here.
    expect(answerStageOf({ caseStatus: 'in-work', current: true, decision: null })).toBe('closed');
  });

  it('sends no reason when the citizen wrote none', () => {
    expect(reasonOf('  ')).toBeUndefined();
    expect(reasonOf(' Жауап толық емес ')).toBe('Жауап толық емес');
  });
});
