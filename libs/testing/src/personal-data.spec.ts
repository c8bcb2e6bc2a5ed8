import { checkIin, SubmittedAppealData, validatePayload } from '@app/contracts';
import { appealWithDistinctivePersonalData, personalDataLeaks } from './personal-data';

describe('personal data in service output', () => {
  it('makes valid appeals whose citizens share nothing', () => {
    const [first, second] = [appealWithDistinctivePersonalData(), appealWithDistinctivePersonalData()];

    for (const appeal of [first, second]) {
      expect(validatePayload(SubmittedAppealData, appeal)).toMatchObject({ ok: true });
      expect(checkIin(appeal.citizen.iin!)).toEqual({ valid: true });
    }
    for (const field of ['fullName', 'iin', 'email', 'phone'] as const) {
      expect(first.citizen[field]).not.toBe(second.citizen[field]);
    }
    expect(first.text).not.toBe(second.text);
  });

  it('finds each field as written or JSON-escaped, counts appeals and masks the example', () => {
    const [leaky, alsoLeaky, clean] = [1, 2, 3].map(() => appealWithDistinctivePersonalData());
    const output = new Map([
      [
        'intake',
        [
          '{"msg":"started"}',
          `query failed -- PARAMETERS: ["${leaky.citizen.fullName}","${leaky.citizen.email}"]`,
          `query failed -- PARAMETERS: ["${alsoLeaky.citizen.email}"]`,
        ],
      ],
      ['routing', [JSON.stringify({ text: leaky.text }).replace(/[^ -~]/g, escapeAsJson)]],
      ['notification', ['{"msg":"stopped"}']],
    ]);

    const leaks = personalDataLeaks(output, [leaky, alsoLeaky, clean]);

    expect(leaks).toEqual([
      { service: 'intake', field: 'fullName', appeals: 1, example: expect.any(String) as string },
      { service: 'intake', field: 'email', appeals: 2, example: expect.any(String) as string },
      { service: 'routing', field: 'text', appeals: 1, example: '{"text":"‹text›"}' },
    ]);
    expect(leaks[0].example).toBe('query failed -- PARAMETERS: ["‹fullName›","‹email›"]');
  });

  it('never shows part of a value at the edge of an example', () => {
    const appeal = appealWithDistinctivePersonalData();
    const output = new Map([['notification', [`${appeal.text}${'.'.repeat(60)}${appeal.citizen.email}`]]]);

    const leaks = personalDataLeaks(output, [appeal]);

    expect(leaks.find((leak) => leak.field === 'email')?.example).toBe(`‹text›${'.'.repeat(60)}‹email›`);
  });

  it('finds nothing in output without personal data', () => {
    const output = new Map([['intake', ['{"msg":"registered","appealId":"a1"}']]]);

    expect(personalDataLeaks(output, [appealWithDistinctivePersonalData()])).toEqual([]);
  });
});

function escapeAsJson(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
