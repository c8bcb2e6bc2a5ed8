import { WorkingCalendar } from '@app/calendar';
import { Logger, Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { NotificationsModule } from '../../notifications/notifications.module';
import { CaseActionsModule } from '../actions/case-actions.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { BoardController } from './board/board.controller';
import { EscalationBoard } from './board/escalation-board';
import { CasePage } from './case-page/case-page';
import { CasePageController } from './case-page/case-page.controller';
import { RepeatAppeals } from './case-page/repeat-appeals';
import { CaseLists } from './case-list';
import { DeadlineMarks } from './deadline-marks';
import { FiguresController } from './figures/figures.controller';
import { RegionFiguresReport } from './figures/region-figures';
import { CaseQueue } from './queue/case-queue';
import { QueueController } from './queue/queue.controller';
import { CaseSearch } from './search/case-search';
import { SearchController } from './search/search.controller';

/** What people who work cases read: queue, search, case page, board, figures. */
@Module({
  // The state machine of the actions answers the case page's allowed actions and extension limit.
  // Notification's delivery failures go onto the case page's timeline.
  imports: [AuditModule, ReadModelModule, CaseActionsModule, NotificationsModule],
  // Search before the case page: `/cases/search` must not be taken for a case id.
  controllers: [QueueController, SearchController, CasePageController, BoardController, FiguresController],
  providers: [
    {
      provide: WorkingCalendar,
      useFactory: () => {
        const log = new Logger('WorkingCalendar');
        return WorkingCalendar.load({ warn: (message) => log.warn(message) });
      },
    },
    DeadlineMarks,
    CaseLists,
    CaseQueue,
    CaseSearch,
    CasePage,
    RepeatAppeals,
    EscalationBoard,
    RegionFiguresReport,
  ],
})
export class QueriesModule {}
