import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, Caller } from '../../../access/access.decorators';
import type { Principal } from '../../../access/principal';
import { FiguresQuery } from './figures.query';
import type { Figures } from '@app/contracts';
import { RegionFiguresReport } from './region-figures';

@ApiTags('figures')
@Controller('api/v1/figures')
export class FiguresController {
  constructor(private readonly figures: RegionFiguresReport) {}

  @Get()
  @Authorize('operator', 'supervisor', 'central-reception')
  @ApiOperation({
    summary: 'Per region: received, answered on time %, overdue now, escalated, and the weekly trend',
  })
  @ApiOkResponse({ description: 'Figures of the regions in the caller’s scope.' })
  report(@Caller() principal: Principal, @Query() query: FiguresQuery): Promise<Figures> {
    return this.figures.report(principal, query);
  }
}
