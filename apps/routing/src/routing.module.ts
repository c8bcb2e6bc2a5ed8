import { ServiceKitModule } from '@app/service-kit';
import { Module } from '@nestjs/common';
import { AppealRouter } from './routing/appeal-router';
import { RegisteredAppealsConsumer } from './routing/registered-appeals.consumer';
import { routingDefinition } from './routing.definition';

@Module({
  imports: [ServiceKitModule.forService(routingDefinition)],
  controllers: [RegisteredAppealsConsumer],
  providers: [AppealRouter],
})
export class RoutingModule {}
