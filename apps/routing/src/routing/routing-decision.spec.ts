import { decideRouting, type RuleCandidate } from './routing-decision';

const rules: RuleCandidate[] = [
  { id: 'astana', katoPrefix: '71', category: null, kind: null, organizationId: 'akimat-astana' },
  { id: 'almaty-city', katoPrefix: '75', category: null, kind: null, organizationId: 'akimat-almaty' },
  {
    id: 'astana-roads',
    katoPrefix: '71',
    category: 'roads',
    kind: null,
    organizationId: 'astana-roads-dept',
  },
  {
    id: 'astana-district',
    katoPrefix: '7110',
    category: null,
    kind: null,
    organizationId: 'almaty-district-akimat',
  },
];

describe('decideRouting', () => {
  it('sends an appeal to the akimat of the region its place belongs to', () => {
    expect(
      decideRouting({ regionKato: '751110000', category: 'housing', kind: 'complaint' }, rules, 'central'),
    ).toEqual({ organizationId: 'akimat-almaty', ruleId: 'almaty-city', isFallback: false });
  });

  it('prefers the longer place prefix over a category match', () => {
    const decision = decideRouting(
      { regionKato: '711010000', category: 'roads', kind: 'complaint' },
      rules,
      'central',
    );
    expect(decision.organizationId).toBe('almaty-district-akimat');
  });

  it('prefers a category rule over the bare region rule', () => {
    const decision = decideRouting(
      { regionKato: '712000000', category: 'roads', kind: 'request' },
      rules,
      'central',
    );
    expect(decision.organizationId).toBe('astana-roads-dept');
  });

  it('falls back when no rule covers the place', () => {
    expect(
      decideRouting({ regionKato: '791010000', category: 'roads', kind: 'request' }, rules, 'central'),
    ).toEqual({
      organizationId: 'central',
      ruleId: null,
      isFallback: true,
    });
  });
});
