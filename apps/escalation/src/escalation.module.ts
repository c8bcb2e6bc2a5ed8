import { ServiceKitModule } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { DeadlineAssigner } from './deadlines/deadline-assigner';
import { DeadlineGauges } from './deadlines/deadline-metrics';
import { DeadlineWatch } from './deadlines/deadline-watch';
import { RoutedAppealsConsumer } from './deadlines/routed-appeals.consumer';
import { escalationDefinition } from './escalation.definition';

@Module({
  imports: [ServiceKitModule.forService(escalationDefinition)],
  controllers: [RoutedAppealsConsumer],
  providers: [DeadlineAssigner, DeadlineWatch, DeadlineGauges],
})
export class EscalationModule {}
