import { ServiceKitModule } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { AuditLog } from './audit/audit-log';
import { CaseActionsModule } from './cases/actions/case-actions.module';
import { QueriesModule } from './cases/queries/queries.module';
import { ReadModelModule } from './cases/read-model/read-model.module';
import { CitizenModule } from './citizen/citizen.module';
import { consoleDefinition } from './console.definition';

@Module({
  imports: [
    ServiceKitModule.forService(consoleDefinition),
    ReadModelModule,
    QueriesModule,
    CaseActionsModule,
    CitizenModule,
  ],
  controllers: [],
  providers: [AuditLog],
})
export class ConsoleModule {}
