import { WorkingCalendar } from '@app/calendar';
import { ServiceKitModule } from '@app/service-kit';
import { Logger, Module } from '@nestjs/common';
import { ClockRepository } from './clock/clock-repository';
import { ClockWriter } from './clock/clock-writer';
import { DeadlineGauges } from './clock/deadline-metrics';
import { escalationDefinition } from './escalation.definition';
import { ClockKeeper } from './lifecycle/clock-keeper';
import { LifecycleEventsConsumer } from './lifecycle/lifecycle-events.consumer';
import { PolicyBook } from './policies/policy-book';
import { DeadlinePreview } from './preview/deadline-preview';
import { DeadlinesController } from './preview/deadlines.controller';
import { DeadlineSweep } from './sweep/deadline-sweep';

/** Kazakhstan's calendar, read once at start; a year without data is announced in the log. */
const calendarProvider = {
  provide: WorkingCalendar,
  useFactory: () => {
    const log = new Logger('WorkingCalendar');
    return WorkingCalendar.load({ warn: (message) => log.warn(message) });
  },
};

@Module({
  imports: [ServiceKitModule.forService(escalationDefinition)],
  controllers: [LifecycleEventsConsumer, DeadlinesController],
  providers: [
    calendarProvider,
    PolicyBook,
    ClockRepository,
    ClockWriter,
    ClockKeeper,
    DeadlineSweep,
    DeadlineGauges,
    DeadlinePreview,
  ],
})
export class EscalationModule {}
