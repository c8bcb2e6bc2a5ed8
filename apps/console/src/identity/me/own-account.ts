import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Language } from '@app/service-kit';
import { DataSource, type EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../access/principal';
import { staffLanguageOf } from '../../access/staff-language';
import { AuditLog } from '../../audit/audit-log';
import { isUuid } from '../secrets';
import { StaffUserRepository, type StaffUser } from '../users/staff-user.repository';
import type { OwnAccountView } from './own-account.dto';

function viewOf(caller: StaffPrincipal, account: StaffUser | undefined): OwnAccountView {
  return {
    userId: caller.userId,
    username: account?.username ?? null,
    role: caller.role,
    organizationId: caller.organizationId ?? null,
    regionKato: caller.regionKato ?? null,
    language: account?.language ?? staffLanguageOf(caller),
  };
}

/** What members of staff read and set about themselves: for now, the language of their in-app messages. */
@Injectable()
export class OwnAccount {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: StaffUserRepository,
    private readonly audit: AuditLog,
  ) {}

  async read(caller: StaffPrincipal): Promise<OwnAccountView> {
    return viewOf(caller, await this.accountOf(this.dataSource.manager, caller));
  }

  /** A user of the OIDC provider has no account here to keep a language in: 409, the provider's default applies. */
  setLanguage(caller: StaffPrincipal, language: Language): Promise<OwnAccountView> {
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.accountOf(manager, caller)))
        throw new ConflictException({
          statusCode: 409,
          error: 'Conflict',
          code: 'account-at-identity-provider',
          message: 'your account is kept by the identity provider: the console keeps no settings for it',
        });
      const updated = (await this.users.update(manager, caller.userId, { language })) as StaffUser;
      await this.audit.record(manager, caller, [
        { action: 'user.update-own', detail: { userId: caller.userId, language } },
      ]);
      return viewOf({ ...caller, language }, updated);
    });
  }

  private async accountOf(manager: EntityManager, caller: StaffPrincipal): Promise<StaffUser | undefined> {
    return isUuid(caller.userId) ? this.users.byId(manager, caller.userId) : undefined;
  }
}
