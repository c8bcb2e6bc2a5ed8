import { extensionLimitFromEnv } from './extension-limit';

describe('extensionLimitFromEnv (CONSOLE_EXTENSION_LIMIT)', () => {
  it('is two months by default, as escalation’s legal rule', () => {
    expect(extensionLimitFromEnv({}).toObject()).toEqual({ months: 2 });
    expect(extensionLimitFromEnv({ CONSOLE_EXTENSION_LIMIT: ' ' }).toObject()).toEqual({ months: 2 });
  });

  it('reads an ISO-8601 duration', () => {
    expect(extensionLimitFromEnv({ CONSOLE_EXTENSION_LIMIT: 'P45D' }).toObject()).toEqual({ days: 45 });
  });

  it('stops the console on anything else, naming the variable', () => {
    for (const bad of ['2 months', 'P-1M', 'P0D', '15 working days'])
      expect(() => extensionLimitFromEnv({ CONSOLE_EXTENSION_LIMIT: bad })).toThrow(
        /CONSOLE_EXTENSION_LIMIT/,
      );
  });
});
