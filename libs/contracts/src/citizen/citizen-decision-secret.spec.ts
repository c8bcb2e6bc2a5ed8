import {
  citizenDecisionSecret,
  isCitizenDecisionSecret,
  MIN_CITIZEN_LINK_KEY_LENGTH,
} from './citizen-decision-secret';

const KEY = 'k'.repeat(MIN_CITIZEN_LINK_KEY_LENGTH);
const APPEAL = '0b7a4c1e-8a52-4c55-9f3e-0d6f6c2f1a11';

describe('citizenDecisionSecret', () => {
  it('is 43 url-safe characters that depend on the key, the appeal and the answer', () => {
    const secret = citizenDecisionSecret(KEY, APPEAL, 'response-1');
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(citizenDecisionSecret(KEY, APPEAL, 'response-1')).toBe(secret);
    expect(citizenDecisionSecret(KEY, APPEAL, 'response-2')).not.toBe(secret);
    expect(citizenDecisionSecret(`${KEY}x`, APPEAL, 'response-1')).not.toBe(secret);
    expect(citizenDecisionSecret(KEY, APPEAL.replace('0b7a', '0b7b'), 'response-1')).not.toBe(secret);
  });

  it('does not depend on how the appeal id is written', () => {
    expect(citizenDecisionSecret(KEY, APPEAL.toUpperCase(), 'r')).toBe(
      citizenDecisionSecret(KEY, APPEAL, 'r'),
    );
  });

  it('refuses a key too short to be secret', () => {
    expect(() => citizenDecisionSecret('short', APPEAL, 'r')).toThrow(/at least 32/);
  });

  it('recognises only the secret of that answer', () => {
    const secret = citizenDecisionSecret(KEY, APPEAL, 'response-1');
    expect(isCitizenDecisionSecret(KEY, APPEAL, 'response-1', secret)).toBe(true);
    expect(isCitizenDecisionSecret(KEY, APPEAL, 'response-2', secret)).toBe(false);
    expect(isCitizenDecisionSecret(KEY, APPEAL, 'response-1', secret.slice(1))).toBe(false);
    expect(isCitizenDecisionSecret(KEY, APPEAL, 'response-1', '')).toBe(false);
  });
});
