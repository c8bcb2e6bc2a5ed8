import { Logger, Module } from '@nestjs/common';
import { CaseActionsModule } from '../cases/actions/case-actions.module';
import { ReadModelModule } from '../cases/read-model/read-model.module';
import { CitizenDecisions } from './citizen-decisions';
import { CitizenDecisionsController } from './citizen-decisions.controller';
import { CITIZEN_LINK_KEY_VARIABLE, CitizenLinkKey } from './citizen-link-key';
import { PublicAnswerView } from './tracking/public-answer-view';
import { PublicCaseView } from './tracking/public-case-view';
import { PublicTrackingController } from './tracking/public-tracking.controller';

@Module({
  imports: [CaseActionsModule, ReadModelModule],
  controllers: [CitizenDecisionsController, PublicTrackingController],
  providers: [
    {
      provide: CitizenLinkKey,
      useFactory: () => {
        const key = CitizenLinkKey.fromEnv();
        if (key.value === null)
          new Logger('CitizenLinkKey').warn(
            `${CITIZEN_LINK_KEY_VARIABLE} is not set: citizens cannot decide on answers by link`,
          );
        return key;
      },
    },
    CitizenDecisions,
    PublicCaseView,
    PublicAnswerView,
  ],
})
export class CitizenModule {}
