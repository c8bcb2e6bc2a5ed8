import { Duration } from 'luxon';
import { describeSpan, parsePolicy, type StoredPolicy } from './deadline-policy';

const LEGAL: StoredPolicy = {
  dueWorkingDays: 15,
  dueDuration: null,
  warnWorkingDaysBefore: 3,
  warnDurationBefore: null,
};

const DRILL: StoredPolicy = {
  dueWorkingDays: null,
  dueDuration: 'PT5S',
  warnWorkingDaysBefore: null,
  warnDurationBefore: 'PT2S',
};

describe('parsePolicy', () => {
  it('reads working-day policies', () => {
    expect(parsePolicy(LEGAL)).toEqual({ due: { workingDays: 15 }, warnBefore: { workingDays: 3 } });
  });

  it('reads ISO-8601 durations', () => {
    const policy = parsePolicy(DRILL);
    expect('duration' in policy.due && policy.due.duration.toMillis()).toBe(5_000);
    expect('duration' in policy.warnBefore && policy.warnBefore.duration.toMillis()).toBe(2_000);
  });

  it('mixes the two kinds', () => {
    const policy = parsePolicy({ ...LEGAL, warnWorkingDaysBefore: null, warnDurationBefore: 'PT12H' });
    expect(policy.due).toEqual({ workingDays: 15 });
    expect('duration' in policy.warnBefore && policy.warnBefore.duration.as('hours')).toBe(12);
  });

  it('prefers working days when both are stored', () => {
    expect(parsePolicy({ ...LEGAL, dueDuration: 'PT5S' }).due).toEqual({ workingDays: 15 });
  });

  it('allows a zero warning duration (warn at the deadline)', () => {
    const policy = parsePolicy({ ...DRILL, warnDurationBefore: 'PT0S' });
    expect('duration' in policy.warnBefore && policy.warnBefore.duration.toMillis()).toBe(0);
  });

  it('allows zero working days (warn on the due day)', () => {
    expect(parsePolicy({ ...LEGAL, warnWorkingDaysBefore: 0 }).warnBefore).toEqual({ workingDays: 0 });
  });

  it.each<[string, Partial<StoredPolicy>, string]>([
    ['negative due days', { dueWorkingDays: -1 }, 'due: working days must be a whole number >= 0'],
    ['fractional due days', { dueWorkingDays: 1.5 }, 'due: working days must be a whole number >= 0'],
    [
      'negative warning days',
      { warnWorkingDaysBefore: -2 },
      'warn before: working days must be a whole number >= 0',
    ],
    [
      'a due duration that is not ISO-8601',
      { dueWorkingDays: null, dueDuration: '5 seconds' },
      'due: "5 seconds" is not an ISO-8601 duration',
    ],
    [
      'a warning duration that is not ISO-8601',
      { warnWorkingDaysBefore: null, warnDurationBefore: 'P1X' },
      'warn before: "P1X" is not an ISO-8601 duration',
    ],
    [
      'a negative due duration (PT-5S)',
      { dueWorkingDays: null, dueDuration: 'PT-5S' },
      'due: "PT-5S" must be a positive duration, e.g. PT5S',
    ],
    [
      'a negative due duration (-PT5S)',
      { dueWorkingDays: null, dueDuration: '-PT5S' },
      'due: "-PT5S" must be a positive duration, e.g. PT5S',
    ],
    [
      'a zero due duration',
      { dueWorkingDays: null, dueDuration: 'PT0S' },
      'due: "PT0S" must be a positive duration, e.g. PT5S',
    ],
    [
      'a due duration with a negative part',
      { dueWorkingDays: null, dueDuration: 'P1DT-1H' },
      'due: "P1DT-1H" must be a positive duration, e.g. PT5S',
    ],
    [
      'a negative warning duration',
      { warnWorkingDaysBefore: null, warnDurationBefore: 'PT-2S' },
      'warn before: "PT-2S" must not be negative',
    ],
    [
      'no due span at all',
      { dueWorkingDays: null, dueDuration: null },
      'due: neither working days nor a duration is set',
    ],
    [
      'no warning span at all',
      { warnWorkingDaysBefore: null, warnDurationBefore: null },
      'warn before: neither working days nor a duration is set',
    ],
  ])('rejects %s with a message naming the span', (_what, change, message) => {
    expect(() => parsePolicy({ ...LEGAL, ...change })).toThrow(message);
  });
});

describe('describeSpan', () => {
  it('reads working days as such', () => {
    expect(describeSpan({ workingDays: 15 })).toBe('15 working days');
    expect(describeSpan({ workingDays: 1 })).toBe('1 working day');
    expect(describeSpan({ workingDays: 0 })).toBe('0 working days');
  });

  it('writes durations as ISO-8601', () => {
    expect(describeSpan({ duration: Duration.fromISO('PT5S') })).toBe('PT5S');
    expect(describeSpan({ duration: Duration.fromObject({ days: 2, hours: 3 }) })).toBe('P2DT3H');
  });

  it('describes what parsePolicy read back as it was stored', () => {
    const policy = parsePolicy({ ...DRILL, dueDuration: 'P1DT12H' });
    expect(describeSpan(policy.due)).toBe('P1DT12H');
    expect(describeSpan(parsePolicy(LEGAL).warnBefore)).toBe('3 working days');
  });
});
