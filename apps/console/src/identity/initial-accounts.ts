import { ConflictException, Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AuditActor } from '../audit/audit-log';
import { DEMO_SYSTEM, DEMO_USERS } from './demo/demo-accounts';
import { IDENTITY_CONFIG, type IdentityConfig } from './identity-config';
import { SystemCredentials } from './systems/system-credentials';
import { StaffAccounts } from './users/staff-accounts';

const START_UP: AuditActor = { kind: 'anonymous', id: 'console-start' };

/** Nothing when it exists already: an account made at an earlier start is never reset. */
async function unlessTaken(create: () => Promise<unknown>): Promise<void> {
  try {
    await create();
  } catch (error) {
    if (!(error instanceof ConflictException)) throw error;
  }
}

/**
 * Accounts made at start: the first admin of an installation (CONSOLE_ADMIN_USERNAME/PASSWORD) and, only
 * with CONSOLE_DEMO=1, the demo users and the demo portal listed in the README.
 */
@Injectable()
export class InitialAccounts implements OnApplicationBootstrap {
  private readonly log = new Logger('Identity');

  constructor(
    private readonly accounts: StaffAccounts,
    private readonly systems: SystemCredentials,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (admin) await unlessTaken(() => this.accounts.create(START_UP, { ...admin, role: 'admin' }));
    if (!this.config.demo) return;
    for (const user of DEMO_USERS) await unlessTaken(() => this.accounts.create(START_UP, user));
    const { clientId, clientSecret, ...system } = DEMO_SYSTEM;
    await unlessTaken(() => this.systems.create(START_UP, system, { clientId, clientSecret }));
    this.log.warn(
      `CONSOLE_DEMO=1: demo users ${DEMO_USERS.map((user) => user.username).join(', ')} and the demo system ` +
        `${clientId} (${system.source}) exist, with the published passwords of the README. Never in production.`,
    );
  }
}
