import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StaffPrincipal, SystemPrincipal } from '../access/principal';
import { isUuid } from './secrets';
import { SessionRepository } from './sessions/session.repository';
import { SystemCredentials } from './systems/system-credentials';
import { CredentialStatus } from './tokens/credential-status';

/** One indexed lookup per request: the price of a logout or a revocation that holds at once. */
@Injectable()
export class DatabaseCredentialStatus extends CredentialStatus {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sessions: SessionRepository,
    private readonly systems: SystemCredentials,
  ) {
    super();
  }

  staffOfSession(sessionId: string, userId: string): Promise<StaffPrincipal | undefined> {
    if (!isUuid(sessionId) || !isUuid(userId)) return Promise.resolve(undefined);
    return this.sessions.staffOf(this.dataSource.manager, sessionId, userId);
  }

  systemOf(clientId: string, secretVersion: number): Promise<SystemPrincipal | undefined> {
    return this.systems.principalOf(clientId, secretVersion);
  }
}
