import { ServiceKitModule } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { AuditLog } from './audit/audit-log';
import { consoleDefinition } from './console.definition';
import { LiveModule } from './live/live.module';

@Module({
  imports: [ServiceKitModule.forService(consoleDefinition), LiveModule],
  controllers: [],
  providers: [AuditLog],
})
export class ConsoleModule {}
