import type { ActionReceipt } from '@app/contracts';
import { Body, Controller, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AcceptAction } from './accept/accept.action';
import { ActionCallOf, type ActionCall } from './action-preconditions';
import { ActionRoute } from './action-route';
import { CaseActions } from './case-actions';
import { EscalateAction } from './escalate/escalate.action';
import { EscalateRequest } from './escalate/escalate.request';
import { ExtendAction } from './extend/extend.action';
import { ExtendRequest } from './extend/extend.request';
import { ReopenAction } from './reopen/reopen.action';
import { ResolveAction } from './resolve/resolve.action';
import { RespondAction } from './respond/respond.action';
import { RespondRequest } from './respond/respond.request';
import { TakeUnderControlAction } from './take-under-control/take-under-control.action';
import { TakeUnderControlRequest } from './take-under-control/take-under-control.request';
import { TransferAction } from './transfer/transfer.action';
import { TransferRequest } from './transfer/transfer.request';

/** What staff do with a case; each action publishes a lifecycle event that the other services carry out. */
@ApiTags('case actions')
@Controller('api/v1/cases/:appealId/actions')
export class CaseActionsController {
  constructor(
    private readonly actions: CaseActions,
    private readonly accepting: AcceptAction,
    private readonly responding: RespondAction,
    private readonly resolving: ResolveAction,
    private readonly transferring: TransferAction,
    private readonly extending: ExtendAction,
    private readonly escalating: EscalateAction,
    private readonly controlling: TakeUnderControlAction,
    private readonly reopening: ReopenAction,
  ) {}

  @ActionRoute('accept', 'Take a new case into work', 'operator', 'central-reception')
  accept(
    @ActionCallOf() call: ActionCall,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionReceipt> {
    return this.actions.run(this.accepting, call, {}, res);
  }

  @ActionRoute('respond', 'Answer the case (text and attachment references)', 'operator', 'central-reception')
  respond(
    @ActionCallOf() call: ActionCall,
    @Body() body: RespondRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionReceipt> {
    return this.actions.run(this.responding, call, body, res);
  }

  @ActionRoute('resolve', 'Close an answered case', 'operator', 'central-reception')
  resolve(
    @ActionCallOf() call: ActionCall,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionReceipt> {
    return this.actions.run(this.resolving, call, {}, res);
  }

  @ActionRoute('transfer', 'Decline the case as not your competence', 'operator', 'central-reception')
  transfer(
    @ActionCallOf() call: ActionCall,
    @Body() body: TransferRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionReceipt> {
    return this.actions.run(this.transferring, call, body, res);
  }

  @ActionRoute(
    'extend',
    'Extend the deadline by a reasoned decision',
    'operator',
    'supervisor',
    'central-reception',
  )
  extend(
    @ActionCallOf() call: ActionCall,
    @Body() body: ExtendRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionReceipt> {
    return this.actions.run(this.extending, call, body, res);
  }

  @ActionRoute('escalate', "Send the case to the next level now (the region's supervisor)", 'supervisor')
  escalate(
    @ActionCallOf() call: ActionCall,
    @Body() body: EscalateRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionReceipt> {
    return this.actions.run(this.escalating, call, body, res);
  }

  @ActionRoute('take-under-control', 'Follow a case at the central level', 'central-reception')
  takeUnderControl(
    @ActionCallOf() call: ActionCall,
    @Body() body: TakeUnderControlRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionReceipt> {
    return this.actions.run(this.controlling, call, body, res);
  }

  @ActionRoute(
    'reopen',
    "Record the citizen's rejection of the answer, received on paper",
    'operator',
    'central-reception',
  )
  reopen(
    @ActionCallOf() call: ActionCall,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ActionReceipt> {
    return this.actions.run(this.reopening, call, {}, res);
  }
}
