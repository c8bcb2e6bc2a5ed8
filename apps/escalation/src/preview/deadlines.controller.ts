import { Controller, Get, Query } from '@nestjs/common';
import { ApiInvalidRequestResponse } from '@app/service-kit';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadlinePreview, type DeadlinePreviewResponse } from './deadline-preview';
import { DeadlinePreviewQuery, parsePreviewQuery } from './deadline-preview.query';

@ApiTags('deadlines')
@Controller('api/v1/deadlines')
export class DeadlinesController {
  constructor(private readonly preview: DeadlinePreview) {}

  @Get('preview')
  @ApiOperation({
    summary: "The legal deadline of an appeal received at a moment, on Kazakhstan's working-day calendar",
  })
  @ApiOkResponse({
    description: 'registeredOn, dueOn, dueAt, workingDays, policy, skipped days with reasons, warnings',
  })
  @ApiInvalidRequestResponse('A parameter is missing or invalid; fieldErrors name it')
  show(@Query() query: DeadlinePreviewQuery): Promise<DeadlinePreviewResponse> {
    return this.preview.preview(parsePreviewQuery(query));
  }
}
