import { AccessTokens } from '@app/contracts';
import { TestTokenIssuer } from '@app/testing';
import { HttpException } from '@nestjs/common';
import { InvalidCredentialsError } from '../../access/access-token-verifier';
import type { OidcConfig } from '../identity-config';
import { ConsoleTokenVerifier } from '../tokens/console-token-verifier';
import { IdentityTokenVerifier } from '../tokens/identity-token-verifier';
import type { CredentialStatus } from '../tokens/credential-status';
import { loadSigningKeys } from '../tokens/signing-keys';
import { staffPrincipalFromClaims } from './oidc-claims';
import { OidcTokenVerifier } from './oidc-token-verifier';

const CLAIMS: OidcConfig['claims'] = { role: 'role', organization: 'organization_id', region: 'region_kato' };

describe('staffPrincipalFromClaims', () => {
  it('maps the configured claims, a dotted path reaching into an object, the one console role among many', () => {
    expect(
      staffPrincipalFromClaims(
        { sub: 'u-1', realm_access: { roles: ['offline_access', 'supervisor'] }, kato: '750000000' },
        { role: 'realm_access.roles', organization: 'org', region: 'kato' },
      ),
    ).toEqual({ kind: 'staff', userId: 'u-1', role: 'supervisor', regionKato: '750000000' });
  });

  it('refuses a token without a subject, without a console role, with two, or without the scope of its role', () => {
    const refusal = (payload: Record<string, unknown>) => () => staffPrincipalFromClaims(payload, CLAIMS);
    expect(refusal({ role: 'admin' })).toThrow('the token has no subject');
    expect(refusal({ sub: 'u', role: 'viewer' })).toThrow('the token names no console role');
    expect(refusal({ sub: 'u', role: ['admin', 'operator'] })).toThrow('more than one console role');
    expect(refusal({ sub: 'u', role: 'operator' })).toThrow("an operator's token must name the organisation");
    expect(refusal({ sub: 'u', role: 'supervisor' })).toThrow("a supervisor's token must name the region");
    expect(refusal({ sub: 'u', role: 'operator' })).toThrow(InvalidCredentialsError);
  });
});

describe('tokens of an OIDC provider, its keys fetched from its JWKS URL over HTTP', () => {
  let provider: TestTokenIssuer;
  let verifier: IdentityTokenVerifier;

  beforeAll(async () => {
    provider = await TestTokenIssuer.start();
    const env = provider.consoleOidcEnv();
    const oidc = new OidcTokenVerifier({
      issuer: env.CONSOLE_OIDC_ISSUER,
      jwksUrl: env.CONSOLE_OIDC_JWKS_URL,
      audience: env.CONSOLE_OIDC_AUDIENCE,
      claims: CLAIMS,
      accessTokenType: true,
    });
    const nothingLive = {} as CredentialStatus;
    const own = new ConsoleTokenVerifier(await loadSigningKeys({}), AccessTokens.issuer, nothingLive);
    verifier = new IdentityTokenVerifier(AccessTokens.issuer, own, oidc);
  });

  afterAll(() => provider.stop());

  it("are accepted beside the console's own, mapped to the member of staff", async () => {
    const token = await provider.staffToken({
      sub: 'kc-42',
      role: 'operator',
      organizationId: 'akimat-almaty',
    });
    expect(await verifier.verify(token)).toEqual({
      kind: 'staff',
      userId: 'kc-42',
      role: 'operator',
      organizationId: 'akimat-almaty',
    });
  });

  it('are refused when expired, for another audience, or from an issuer nobody configured', async () => {
    const refusal = async (token: string) => {
      const error = await verifier.verify(token).catch((failure: unknown) => failure);
      expect(error).toBeInstanceOf(InvalidCredentialsError);
      return (error as Error).message;
    };
    expect(
      await refusal(await provider.staffToken({ sub: 'u', role: 'admin' }, { expiresInSeconds: -60 })),
    ).toBe('the token has expired');
    const sign = (issuer: string, audience: string) =>
      provider.sign({ role: 'admin' }, { subject: 'u', issuer, audience, expiresInSeconds: 60 });
    expect(await refusal(await sign(provider.oidcIssuer, 'another-client'))).toBe('the token is invalid');
    expect(await refusal(await sign('https://elsewhere.example/', provider.oidcAudience))).toBe(
      'the token is invalid',
    );
    expect(await refusal('not a token')).toBe('the token is invalid');
  });

  it('are refused when they are ID tokens: the audience is the client id, but the type is not at+jwt', async () => {
    const idToken = await provider.sign(
      { role: 'admin', nonce: 'n-1' },
      {
        subject: 'u',
        issuer: provider.oidcIssuer,
        audience: provider.oidcAudience,
        expiresInSeconds: 60,
        type: 'JWT',
      },
    );
    await expect(verifier.verify(idToken)).rejects.toThrow('the token is invalid');
  });

  it('without at+jwt required, are refused with a nonce, or another azp or token_use where those are set', async () => {
    const lenient = (checks: Partial<OidcConfig>) =>
      new OidcTokenVerifier({
        issuer: provider.oidcIssuer,
        jwksUrl: provider.consoleOidcEnv().CONSOLE_OIDC_JWKS_URL,
        audience: provider.oidcAudience,
        claims: CLAIMS,
        accessTokenType: false,
        ...checks,
      });
    const untyped = (claims: Record<string, unknown>) =>
      provider.sign(
        { role: 'admin', ...claims },
        {
          subject: 'u',
          issuer: provider.oidcIssuer,
          audience: provider.oidcAudience,
          expiresInSeconds: 60,
          type: 'JWT',
        },
      );
    const accepted = { kind: 'staff', userId: 'u', role: 'admin' };
    const notAccess = 'the token is not an access token';
    expect(await lenient({}).verify(await untyped({}))).toEqual(accepted);
    await expect(lenient({}).verify(await untyped({ nonce: 'n-1' }))).rejects.toThrow(notAccess);

    const cognito = lenient({ authorizedParty: 'console-web', tokenUse: 'access' });
    expect(await cognito.verify(await untyped({ azp: 'console-web', token_use: 'access' }))).toEqual(
      accepted,
    );
    await expect(cognito.verify(await untyped({ azp: 'console-web', token_use: 'id' }))).rejects.toThrow(
      notAccess,
    );
    await expect(cognito.verify(await untyped({ azp: 'other', token_use: 'access' }))).rejects.toThrow(
      notAccess,
    );
  });

  it("answer 503, not 401, while the provider's keys cannot be fetched", async () => {
    const unreachable = new OidcTokenVerifier({
      issuer: provider.oidcIssuer,
      jwksUrl: 'http://127.0.0.1:9/.well-known/jwks.json',
      audience: provider.oidcAudience,
      claims: CLAIMS,
      accessTokenType: true,
    });
    const error = await unreachable
      .verify(await provider.staffToken({ sub: 'u', role: 'admin' }))
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(HttpException);
    expect((error as HttpException).getStatus()).toBe(503);
  });
});
