import { ServiceUnavailableException } from '@nestjs/common';
import { firstValueFrom } from 'rxjs';
import { AccessTokenVerifier, InvalidCredentialsError } from '../access/access-token-verifier';
import { caseScopeOf } from '../access/case-scope';
import type { Principal } from '../access/principal';
import { credentialEnd } from './credential-watch';

const OPERATOR: Principal = { kind: 'staff', userId: 'u', role: 'operator', organizationId: 'akimat-almaty' };

/** Answers each check with the next of `answers` (the last one again when they run out); counts the checks. */
class ScriptedVerifier extends AccessTokenVerifier {
  checks = 0;

  constructor(private readonly answers: (Principal | Error)[]) {
    super();
  }

  async verify(): Promise<Principal> {
    const answer = this.answers[Math.min(this.checks, this.answers.length - 1)];
    this.checks += 1;
    if (answer instanceof Error) throw answer;
    return answer;
  }
}

const watch = (verifier: AccessTokenVerifier, expiresAt?: Date) =>
  firstValueFrom(credentialEnd(verifier, { token: 't', expiresAt }, caseScopeOf(OPERATOR), 5));

describe('credentialEnd', () => {
  it('ends the stream at the first check that finds the token revoked (a logout, a disabled account)', async () => {
    const verifier = new ScriptedVerifier([OPERATOR, OPERATOR, new InvalidCredentialsError('revoked')]);
    await watch(verifier);
    expect(verifier.checks).toBe(3);
  });

  it('ends it when the caller now has another scope: moved to another organisation, or another role', async () => {
    const moved = new ScriptedVerifier([OPERATOR, { ...OPERATOR, organizationId: 'akimat-astana' }]);
    await watch(moved);
    expect(moved.checks).toBe(2);
    const promoted = new ScriptedVerifier([{ kind: 'staff', userId: 'u', role: 'central-reception' }]);
    await watch(promoted);
    expect(promoted.checks).toBe(1);
  });

  it('keeps it while the identity provider is out of reach, which says nothing about the caller', async () => {
    const verifier = new ScriptedVerifier([
      new ServiceUnavailableException(),
      OPERATOR,
      new InvalidCredentialsError('expired'),
    ]);
    await watch(verifier);
    expect(verifier.checks).toBe(3);
  });

  it("ends it at the token's expiry, however well the checks go", async () => {
    const alwaysValid = new ScriptedVerifier([OPERATOR]);
    await expect(watch(alwaysValid, new Date(Date.now() + 30))).resolves.toBe(0);
    await expect(watch(alwaysValid, new Date(Date.now() - 1000))).resolves.toBe(0);
  });
});
