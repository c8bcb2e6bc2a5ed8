import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, Caller } from '../../../access/access.decorators';
import type { Principal } from '../../../access/principal';
import { BoardQuery } from './board.query';
import type { Board } from '@app/contracts';
import { EscalationBoard } from './escalation-board';

@ApiTags('board')
@Controller('api/v1/board')
export class BoardController {
  constructor(private readonly board: EscalationBoard) {}

  @Get()
  @Authorize('central-reception', 'supervisor')
  @ApiOperation({
    summary: 'Escalated cases not yet resolved: counts by region and the list, longest escalated first',
  })
  @ApiOkResponse({ description: 'Regions with their counts, and a page of cases.' })
  show(@Caller() principal: Principal, @Query() query: BoardQuery): Promise<Board> {
    return this.board.show(principal, query);
  }
}
