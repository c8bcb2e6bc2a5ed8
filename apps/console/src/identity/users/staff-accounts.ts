import { invalidRequest } from '@app/service-kit';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '../../access/principal';
import { DEFAULT_STAFF_LANGUAGE } from '../../access/staff-language';
import { AuditLog, type AuditActor } from '../../audit/audit-log';
import { IDENTITY_CONFIG, type IdentityConfig } from '../identity-config';
import { PasswordHasher } from '../passwords/password-hasher';
import { PAGE_LIMIT } from '../query-fields';
import { isUuid } from '../secrets';
import { SessionRepository } from '../sessions/session.repository';
import { decideAssignment, normalizeUsername, passwordProblems } from './staff-account-rules';
import type { CreateStaffUserRequest, StaffUserListQuery, UpdateStaffUserRequest } from './staff-user.dto';
import { StaffUserPage, StaffUserView } from './staff-user.dto';
import { StaffUserRepository, type StaffUser } from './staff-user.repository';

function notFound(): NotFoundException {
  return new NotFoundException({ code: 'user-not-found', message: 'no account has this id' });
}

/** What an admin does to staff accounts; every change is in the audit log (ids and roles, never a password). */
@Injectable()
export class StaffAccounts {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: StaffUserRepository,
    private readonly sessions: SessionRepository,
    private readonly passwords: PasswordHasher,
    private readonly audit: AuditLog,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  async create(admin: AuditActor, request: CreateStaffUserRequest): Promise<StaffUserView> {
    const username = normalizeUsername(request.username);
    const assignment = decideAssignment(request);
    const problems = [
      ...passwordProblems(request.password, username, this.config.passwordMinLength),
      ...(assignment.ok ? [] : assignment.errors),
    ];
    if (problems.length > 0 || !assignment.ok) throw invalidRequest(400, 'invalid-fields', problems);
    const passwordHash = await this.passwords.hash(request.password);
    const id = randomUUID();
    const language = request.language ?? DEFAULT_STAFF_LANGUAGE;
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.users.insert(manager, { id, username, passwordHash, language, ...assignment.value })))
        throw new ConflictException({
          code: 'username-taken',
          message: 'an account already has this username',
        });
      await this.audit.record(manager, admin, [
        { action: 'user.create', detail: { userId: id, ...assignment.value, language } },
      ]);
      return StaffUserView.of((await this.users.byId(manager, id)) as StaffUser);
    });
  }

  async list(query: StaffUserListQuery): Promise<StaffUserPage> {
    const page = await this.users.list(this.dataSource.manager, {
      role: query.role,
      limit: query.limit ?? PAGE_LIMIT.fallback,
      offset: query.offset ?? 0,
    });
    return { items: page.items.map((user) => StaffUserView.of(user)), total: page.total };
  }

  /** Role, binding and language apply to the account's next request; disabling also ends every session at once. */
  async update(admin: Principal, id: string, request: UpdateStaffUserRequest): Promise<StaffUserView> {
    return this.dataSource.transaction(async (manager) => {
      const current = isUuid(id) ? await this.users.byId(manager, id, true) : undefined;
      if (!current) throw notFound();
      const assignment = decideAssignment(request, current);
      if (!assignment.ok) throw invalidRequest(400, 'invalid-fields', assignment.errors);
      const changesAssignment =
        request.role !== undefined ||
        request.organizationId !== undefined ||
        request.regionKato !== undefined;
      const updated = (await this.users.update(manager, id, {
        ...(changesAssignment ? assignment.value : {}),
        disabled: request.disabled,
        language: request.language,
      })) as StaffUser;
      if (request.disabled === true) await this.sessions.revokeAllOf(manager, id, 'account-disabled');
      await this.audit.record(manager, admin, [
        {
          action: 'user.update',
          detail: {
            userId: id,
            ...(changesAssignment ? assignment.value : {}),
            ...(request.disabled !== undefined ? { disabled: request.disabled } : {}),
            ...(request.language !== undefined ? { language: request.language } : {}),
          },
        },
      ]);
      return StaffUserView.of(updated);
    });
  }

  /** A new password set by an admin; the account's sessions end, so whoever knew the old one is logged out. */
  async resetPassword(admin: Principal, id: string, password: string): Promise<void> {
    const account = isUuid(id) ? await this.users.byId(this.dataSource.manager, id) : undefined;
    if (!account) throw notFound();
    const problems = passwordProblems(password, account.username, this.config.passwordMinLength);
    if (problems.length > 0) throw invalidRequest(400, 'invalid-fields', problems);
    const passwordHash = await this.passwords.hash(password);
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(manager, id, { passwordHash });
      await this.sessions.revokeAllOf(manager, id, 'password-reset');
      await this.audit.record(manager, admin, [{ action: 'user.password-reset', detail: { userId: id } }]);
    });
  }
}
