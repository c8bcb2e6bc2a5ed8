import { LEGAL_DEFAULT_RULES, parsePolicy, parseRules } from './deadline-policy';
import { describeSpan, parseSpan } from './span';

describe('deadline policies as data', () => {
  it('reads working days and ISO-8601 durations, and writes them back the same way', () => {
    for (const text of ['15 working days', '1 working day', 'PT5S', 'P2M', 'PT12H']) {
      expect(describeSpan(parseSpan(text, 'due'))).toBe(text);
    }
    expect(parseSpan('3 working days', 'warn')).toEqual({ workingDays: 3 });
  });

  it('reads a legal policy with two warning points, and a drill in seconds', () => {
    const legal = parsePolicy({ due: '15 working days', warnBefore: ['3 working days', '1 working day'] });
    expect(legal).toEqual({ due: { workingDays: 15 }, warnBefore: [{ workingDays: 3 }, { workingDays: 1 }] });
    expect(describeSpan(legal.due)).toBe('15 working days');
    const drill = parsePolicy({ due: 'PT5S', warnBefore: ['PT2S'] });
    expect('duration' in drill.due && drill.due.duration.toMillis()).toBe(5000);
  });

  it.each([
    ['15 days', 'due: "15 days" is neither "<n> working days" nor an ISO-8601 duration like PT5S'],
    ['PT-5S', 'due: "PT-5S" must not be negative'],
    ['0 working days', 'due: "0 working days" must be longer than nothing'],
    ['PT0S', 'due: "PT0S" must be longer than nothing'],
  ])('refuses a due of %s', (due, message) => {
    expect(() => parsePolicy({ due, warnBefore: [] })).toThrow(message);
  });

  it('refuses a negative warning point', () => {
    expect(() => parsePolicy({ due: 'PT5S', warnBefore: ['-PT1S'] })).toThrow(
      'warn before: "-PT1S" must not be negative',
    );
  });

  it('reads the legal rules: forwarding 3 working days, extensions up to two months, notice 3 working days', () => {
    const rules = parseRules(LEGAL_DEFAULT_RULES);
    expect(rules.forwarding).toEqual({ workingDays: 3 });
    expect(describeSpan(rules.extensionLimit)).toBe('P2M');
    expect(rules.extensionNotice).toEqual({ workingDays: 3 });
  });
});
