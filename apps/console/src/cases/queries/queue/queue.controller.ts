import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, Caller } from '../../../access/access.decorators';
import type { Principal } from '../../../access/principal';
import type { CaseSummary, Page } from '@app/contracts';
import { CaseQueue } from './case-queue';
import { QueueQuery } from './queue.query';

@ApiTags('cases')
@Controller('api/v1/cases')
export class QueueController {
  constructor(private readonly queue: CaseQueue) {}

  @Get()
  @Authorize('operator', 'supervisor', 'central-reception', 'system')
  @ApiOperation({ summary: "The caller's queue, soonest deadline first, overdue and due-soon marked" })
  @ApiOkResponse({ description: 'A page of cases in the caller’s scope; no citizen contact.' })
  @ApiBadRequestResponse({ description: 'A bad or unknown parameter; fieldErrors name it.' })
  list(@Caller() principal: Principal, @Query() query: QueueQuery): Promise<Page<CaseSummary>> {
    return this.queue.list(principal, query);
  }
}
