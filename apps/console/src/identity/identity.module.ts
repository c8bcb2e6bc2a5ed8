import { rateLimitProviders } from '@app/service-kit';
import { Global, Logger, Module } from '@nestjs/common';
import { AccessTokenVerifier } from '../access/access-token-verifier';
import { AuditModule } from '../audit/audit.module';
import { AdminAuditController } from './audit-query/admin-audit.controller';
import { AuditEntries } from './audit-query/audit-entries';
import { DatabaseCredentialStatus } from './database-credential-status';
import { IDENTITY_CONFIG, identityConfigFromEnv, type IdentityConfig } from './identity-config';
import { InitialAccounts } from './initial-accounts';
import { LoginThrottle } from './login-throttle/login-throttle';
import { LoginThrottleRepository } from './login-throttle/login-throttle.repository';
import { OwnAccount } from './me/own-account';
import { OwnAccountController } from './me/own-account.controller';
import { OidcTokenVerifier } from './oidc/oidc-token-verifier';
import { PasswordHasher } from './passwords/password-hasher';
import { AuthController } from './sessions/auth.controller';
import { SessionRepository } from './sessions/session.repository';
import { StaffSessions } from './sessions/staff-sessions';
import { AdminSystemsController } from './systems/admin-systems.controller';
import { SystemCredentialRepository } from './systems/system-credential.repository';
import { SystemCredentials } from './systems/system-credentials';
import { TokenController } from './systems/token.controller';
import { AccessTokenIssuer } from './tokens/access-token-issuer';
import { ConsoleTokenVerifier } from './tokens/console-token-verifier';
import { CredentialStatus } from './tokens/credential-status';
import { IdentityTokenVerifier } from './tokens/identity-token-verifier';
import { JwksController } from './tokens/jwks.controller';
import { loadSigningKeys, SIGNING_KEYS, type SigningKeys } from './tokens/signing-keys';
import { AdminUsersController } from './users/admin-users.controller';
import { StaffAccounts } from './users/staff-accounts';
import { StaffUserRepository } from './users/staff-user.repository';

async function signingKeys(config: IdentityConfig): Promise<SigningKeys> {
  const keys = await loadSigningKeys(config);
  const log = new Logger('Identity');
  if (keys.generated)
    log.warn(
      `CONSOLE_SIGNING_KEY is not set: signing with a key generated for this run (kid ${keys.kid}); tokens end ` +
        "with the process and replicas do not accept each other's. Set CONSOLE_SIGNING_KEY in production.",
    );
  else log.log(`signing access tokens with the configured ${keys.alg} key (kid ${keys.kid})`);
  return keys;
}

/**
 * Who is who: staff logins (sessions, refresh rotation), external systems' credentials (OAuth2 client
 * credentials), the OIDC option, the JWKS, admin of users and systems, the audit query, rate limits.
 * Global, so that the AuthorizeGuard of any console module finds the AccessTokenVerifier.
 */
@Global()
@Module({
  imports: [AuditModule],
  controllers: [
    AuthController,
    TokenController,
    JwksController,
    AdminUsersController,
    AdminSystemsController,
    AdminAuditController,
    OwnAccountController,
  ],
  providers: [
    { provide: IDENTITY_CONFIG, useFactory: () => identityConfigFromEnv() },
    { provide: SIGNING_KEYS, useFactory: signingKeys, inject: [IDENTITY_CONFIG] },
    {
      provide: PasswordHasher,
      useFactory: (config: IdentityConfig) => new PasswordHasher(config.scrypt, config.passwordHashing),
      inject: [IDENTITY_CONFIG],
    },
    {
      provide: AccessTokenIssuer,
      useFactory: (keys: SigningKeys, config: IdentityConfig) => new AccessTokenIssuer(keys, config),
      inject: [SIGNING_KEYS, IDENTITY_CONFIG],
    },
    { provide: CredentialStatus, useClass: DatabaseCredentialStatus },
    {
      provide: AccessTokenVerifier,
      useFactory: (keys: SigningKeys, config: IdentityConfig, status: CredentialStatus) =>
        new IdentityTokenVerifier(
          config.issuer,
          new ConsoleTokenVerifier(keys, config.issuer, status),
          config.oidc && new OidcTokenVerifier(config.oidc),
        ),
      inject: [SIGNING_KEYS, IDENTITY_CONFIG, CredentialStatus],
    },
    ...rateLimitProviders((config: IdentityConfig) => config.rateLimits, [IDENTITY_CONFIG]),
    AuditEntries,
    StaffUserRepository,
    SessionRepository,
    SystemCredentialRepository,
    LoginThrottleRepository,
    LoginThrottle,
    StaffSessions,
    StaffAccounts,
    OwnAccount,
    SystemCredentials,
    InitialAccounts,
  ],
  exports: [AccessTokenVerifier],
})
export class IdentityModule {}
