import { CitizenKey, DEV_CITIZEN_KEY_SECRET } from './citizen-key';

const key = new CitizenKey('a-secret-of-the-server-1');

describe('CitizenKey', () => {
  it('is one key for one citizen however the contact was typed', () => {
    expect(key.of({ email: ' Asel@Example.KZ ' })).toBe(key.of({ email: 'asel@example.kz' }));
    expect(key.of({ phone: '+7 701 123-45-67' })).toBe(key.of({ phone: '+77011234567' }));
  });

  it('prefers the IIN, then the e-mail, then the phone', () => {
    expect(key.of({ iin: '900315300123', email: 'a@example.kz' })).toBe(key.of({ iin: '900315300123' }));
    expect(key.of({ email: 'a@example.kz', phone: '+77011234567' })).toBe(key.of({ email: 'a@example.kz' }));
    expect(key.of({ email: 'a@example.kz' })).not.toBe(key.of({ phone: '+77011234567' }));
  });

  it('holds none of the identifier in clear and depends on the secret', () => {
    const hashed = key.of({ email: 'asel@example.kz' }) ?? '';
    expect(hashed).not.toContain('asel');
    expect(new CitizenKey('another-secret-of-server').of({ email: 'asel@example.kz' })).not.toBe(hashed);
  });

  it('has no key for a citizen without an identifier, and refuses a short secret', () => {
    expect(key.of({})).toBeNull();
    expect(() => new CitizenKey('short')).toThrow(/at least 16/);
  });

  it('is read from CONSOLE_CITIZEN_KEY_SECRET; without it only the demo starts, on a public key', () => {
    const email = { email: 'a@example.kz' };
    expect(CitizenKey.fromEnv({ CONSOLE_CITIZEN_KEY_SECRET: 'secret-of-the-server' }).of(email)).toBe(
      new CitizenKey('secret-of-the-server').of(email),
    );
    expect(() => CitizenKey.fromEnv({})).toThrow(/CONSOLE_CITIZEN_KEY_SECRET is not set/);
    expect(() => CitizenKey.fromEnv({ CONSOLE_DEMO: '0', CONSOLE_CITIZEN_KEY_SECRET: ' ' })).toThrow(
      /is not set/,
    );
    expect(() => CitizenKey.fromEnv({ CONSOLE_CITIZEN_KEY_SECRET: 'short' })).toThrow(/at least 16/);
    expect(CitizenKey.fromEnv({ CONSOLE_DEMO: '1' }).of(email)).toBe(
      new CitizenKey(DEV_CITIZEN_KEY_SECRET).of(email),
    );
  });
});
