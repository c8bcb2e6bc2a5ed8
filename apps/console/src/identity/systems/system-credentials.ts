import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal, SystemPrincipal } from '../../access/principal';
import { AuditLog, type AuditActor } from '../../audit/audit-log';
import { unauthorized } from '../../access/authorize.guard';
import type { RequestOrigin } from '../sessions/staff-sessions';
import { digestOf, newSecret } from '../secrets';
import { AccessTokenIssuer, type IssuedAccessToken } from '../tokens/access-token-issuer';
import { SystemCredentialRepository, type SystemCredential } from './system-credential.repository';
import { ClientCredentialsResponse, SystemView, type SystemWithSecretView } from './system.dto';

/** Every client id the console issues (`sys-…`, the demo's `demo-portal`) fits; anything else is no one's. */
const CLIENT_ID = /^[A-Za-z0-9._-]{1,200}$/;

/** The client id when it could be one, before it reaches a query (a NUL in it would be PostgreSQL's 22021). */
function wellFormed(clientId: string | undefined): string | undefined {
  return clientId !== undefined && CLIENT_ID.test(clientId) ? clientId : undefined;
}

/** Compared for an unknown client id, so that a miss costs what a wrong secret does. */
const NOBODY = digestOf(newSecret());

function notFound(): NotFoundException {
  return new NotFoundException({
    code: 'system-not-found',
    message: 'no live system credential has this client id',
  });
}

/**
 * External systems' credentials: a client id and a secret per system, bound to the CloudEvent `source` the
 * system publishes as, exchanged for short-lived access tokens (OAuth2 client credentials).
 */
@Injectable()
export class SystemCredentials {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly systems: SystemCredentialRepository,
    private readonly tokens: AccessTokenIssuer,
    private readonly audit: AuditLog,
  ) {}

  /** A fixed client id and secret only for the demo installation; otherwise random ones. */
  async create(
    admin: AuditActor,
    request: { name: string; source: string },
    fixed?: { clientId: string; clientSecret: string },
  ): Promise<SystemWithSecretView> {
    const clientId = fixed?.clientId ?? `sys-${randomBytes(12).toString('base64url')}`;
    const clientSecret = fixed?.clientSecret ?? newSecret();
    return this.dataSource.transaction(async (manager) => {
      const inserted = await this.systems.insert(manager, {
        clientId,
        name: request.name,
        source: request.source,
        secretDigest: digestOf(clientSecret),
      });
      if (!inserted)
        throw new ConflictException({
          code: 'source-taken',
          message: 'a live system credential already has this source; rotate or revoke it instead',
        });
      await this.audit.record(manager, admin, [
        { action: 'system.create', detail: { clientId, source: request.source } },
      ]);
      const created = (await this.systems.live(manager, clientId)) as SystemCredential;
      return { ...SystemView.of(created), clientSecret };
    });
  }

  async list(): Promise<SystemView[]> {
    return (await this.systems.list(this.dataSource.manager)).map((system) => SystemView.of(system));
  }

  /** A new secret; the old one, and the tokens got with it, stop working at the console at once. */
  async rotate(admin: Principal, clientId: string): Promise<SystemWithSecretView> {
    const clientSecret = newSecret();
    return this.dataSource.transaction(async (manager) => {
      const rotated = wellFormed(clientId)
        ? await this.systems.rotate(manager, clientId, digestOf(clientSecret))
        : undefined;
      if (!rotated) throw notFound();
      await this.audit.record(manager, admin, [
        { action: 'system.rotate', detail: { clientId, secretVersion: rotated.secretVersion } },
      ]);
      return { ...SystemView.of(rotated), clientSecret };
    });
  }

  /** At the console its tokens stop at once; intake takes them until they expire (CONSOLE_SYSTEM_TOKEN_TTL_MS). */
  async revoke(admin: Principal, clientId: string): Promise<SystemView> {
    return this.dataSource.transaction(async (manager) => {
      const revoked = wellFormed(clientId) ? await this.systems.revoke(manager, clientId) : undefined;
      if (!revoked) throw notFound();
      await this.audit.record(manager, admin, [{ action: 'system.revoke', detail: { clientId } }]);
      return SystemView.of(revoked);
    });
  }

  /** The client-credentials grant: a token for the system, or 401 with the same words for every failure. */
  async exchange(
    clientId: string | undefined,
    clientSecret: string | undefined,
    origin: RequestOrigin,
  ): Promise<ClientCredentialsResponse> {
    const id = wellFormed(clientId);
    const system = id ? await this.systems.live(this.dataSource.manager, id) : undefined;
    const presented = digestOf(clientSecret ?? '');
    const matches = timingSafeEqual(presented, system?.secretDigest ?? NOBODY);
    if (!system || !matches || !clientSecret) {
      await this.audit.record(this.dataSource.manager, { kind: 'anonymous', id: origin.address }, [
        {
          action: 'system.token.refused',
          outcome: 'refused',
          detail: { clientId: id ?? null, known: system !== undefined },
        },
      ]);
      throw unauthorized('invalid-credentials', 'wrong client id or secret, or the credential was revoked');
    }
    const issued: IssuedAccessToken = await this.tokens.systemToken(system);
    return { access_token: issued.token, token_type: 'Bearer', expires_in: issued.expiresIn };
  }

  /** The system whose live credential is still at this secret version (for every request at the console). */
  async principalOf(clientId: string, secretVersion: number): Promise<SystemPrincipal | undefined> {
    const system = wellFormed(clientId) && (await this.systems.live(this.dataSource.manager, clientId));
    if (!system || system.secretVersion !== secretVersion) return undefined;
    return { kind: 'system', clientId: system.clientId, source: system.source };
  }
}
