import { Module } from '@nestjs/common';
import { AuditLog } from './audit-log';

/** The audit log, one instance for every module that reads personal data or acts. */
@Module({
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
