import { ServiceKitModule } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { CaseActionsModule } from './cases/actions/case-actions.module';
import { QueriesModule } from './cases/queries/queries.module';
import { ReadModelModule } from './cases/read-model/read-model.module';
import { CitizenModule } from './citizen/citizen.module';
import { consoleDefinition } from './console.definition';
import { IdentityModule } from './identity/identity.module';
import { LiveModule } from './live/live.module';
import { NotificationsModule } from './notifications/notifications.module';
import { WebAppModule } from './web/web-app.module';

@Module({
  imports: [
    ServiceKitModule.forService(consoleDefinition),
    IdentityModule,
    ReadModelModule,
    QueriesModule,
    CaseActionsModule,
    CitizenModule,
    LiveModule,
    NotificationsModule,
    WebAppModule,
  ],
})
export class ConsoleModule {}
