import { ServiceKitModule } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { AuditLog } from './audit/audit-log';
import { QueriesModule } from './cases/queries/queries.module';
import { ReadModelModule } from './cases/read-model/read-model.module';
import { consoleDefinition } from './console.definition';
import { IdentityModule } from './identity/identity.module';
import { LiveModule } from './live/live.module';

@Module({
  imports: [
    ServiceKitModule.forService(consoleDefinition),
    IdentityModule,
    ReadModelModule,
    QueriesModule,
    LiveModule,
  ],
  controllers: [],
  providers: [AuditLog],
})
export class ConsoleModule {}
