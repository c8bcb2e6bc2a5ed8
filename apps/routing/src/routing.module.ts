import { ServiceKitModule } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { AppealRouter } from './routing/appeal-router';
import { AssignmentRepository } from './routing/assignment-repository';
import { RegisteredAppealsConsumer } from './routing/registered-appeals.consumer';
import { RoutingDirectory } from './routing/routing-directory';
import { routingDefinition } from './routing.definition';
import { AppealTransferrer } from './transfers/appeal-transferrer';
import { TransfersConsumer } from './transfers/transfers.consumer';

@Module({
  imports: [ServiceKitModule.forService(routingDefinition)],
  controllers: [RegisteredAppealsConsumer, TransfersConsumer],
  providers: [AppealRouter, AppealTransferrer, AssignmentRepository, RoutingDirectory],
})
export class RoutingModule {}
