import { PasswordHasher } from './password-hasher';

// The lowest cost the configuration allows, so that the tests stay quick; the rules do not depend on it.
const hasher = new PasswordHasher({ logN: 14, r: 8, p: 1 });

describe('PasswordHasher', () => {
  it('verifies the password it hashed and refuses any other', async () => {
    const stored = await hasher.hash('correct horse battery');
    expect(await hasher.verify('correct horse battery', stored)).toBe(true);
    expect(await hasher.verify('correct horse batterY', stored)).toBe(false);
    expect(await hasher.verify('', stored)).toBe(false);
  });

  it('salts every hash: the same password twice gives two different hashes, both valid', async () => {
    const [first, second] = await Promise.all([
      hasher.hash('same password 1'),
      hasher.hash('same password 1'),
    ]);
    expect(first).not.toBe(second);
    expect(await hasher.verify('same password 1', first)).toBe(true);
    expect(await hasher.verify('same password 1', second)).toBe(true);
  });

  it('keeps its parameters with the hash and never the password', async () => {
    const stored = await hasher.hash('Құпия сөз 2025');
    expect(stored).toMatch(/^scrypt\$14\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain('Құпия');
  });

  it('verifies a hash made with other stored parameters, and says it is worth replacing when weaker', async () => {
    const stronger = new PasswordHasher({ logN: 15, r: 8, p: 1 });
    const old = await hasher.hash('an older password');
    expect(await stronger.verify('an older password', old)).toBe(true);
    expect(stronger.needsRehash(old)).toBe(true);
    expect(hasher.needsRehash(old)).toBe(false);
  });

  it('treats the same letters in either Unicode form as one password', async () => {
    const composed = 'Әсел-құпия-сөз'.normalize('NFC');
    const stored = await hasher.hash(composed);
    expect(await hasher.verify(composed.normalize('NFD'), stored)).toBe(true);
  });

  it('refuses a stored value that is not one of its hashes instead of failing', async () => {
    for (const stored of ['', 'plain-text', 'scrypt$99$8$1$AA$AA', 'bcrypt$2b$10$abc'])
      expect(await hasher.verify('anything', stored)).toBe(false);
  });

  it('answers false for an unknown account after doing the same work', async () => {
    expect(await hasher.verifyNobody('whatever was typed')).toBe(false);
  });
});
