import { ServiceKitModule } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { AuditLog } from './audit/audit-log';
import { consoleDefinition } from './console.definition';

@Module({
  imports: [ServiceKitModule.forService(consoleDefinition)],
  controllers: [],
  providers: [AuditLog],
})
export class ConsoleModule {}
