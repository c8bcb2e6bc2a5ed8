import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { ReadModelModule } from '../read-model/read-model.module';
import { AcceptAction } from './accept/accept.action';
import { ActionRequests } from './action-requests';
import { CaseActionWriter } from './case-action-writer';
import { CaseActions } from './case-actions';
import { CaseActionsController } from './case-actions.controller';
import { CaseStateMachine } from './case-state-machine';
import { EscalateAction } from './escalate/escalate.action';
import { ExtendAction } from './extend/extend.action';
import { ReopenAction } from './reopen/reopen.action';
import { ResolveAction } from './resolve/resolve.action';
import { RespondAction } from './respond/respond.action';
import { TakeUnderControlAction } from './take-under-control/take-under-control.action';
import { TransferAction } from './transfer/transfer.action';

const HANDLERS = [
  AcceptAction,
  RespondAction,
  ResolveAction,
  TransferAction,
  ExtendAction,
  EscalateAction,
  TakeUnderControlAction,
  ReopenAction,
];

/** Staff's actions on cases; the writer and the resolve and reopen handlers serve the citizen's voice too. */
@Module({
  imports: [AuditModule, ReadModelModule],
  controllers: [CaseActionsController],
  providers: [
    { provide: CaseStateMachine, useFactory: () => new CaseStateMachine() },
    ActionRequests,
    CaseActionWriter,
    CaseActions,
    ...HANDLERS,
  ],
  exports: [CaseStateMachine, CaseActionWriter, ResolveAction, ReopenAction],
})
export class CaseActionsModule {}
