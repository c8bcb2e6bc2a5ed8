import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize, Caller } from '../../../access/access.decorators';
import type { Principal } from '../../../access/principal';
import type { CaseSummary, Page } from '@app/contracts';
import { CaseSearch } from './case-search';
import { SearchQuery } from './search.query';

@ApiTags('cases')
@Controller('api/v1/cases')
export class SearchController {
  constructor(private readonly cases: CaseSearch) {}

  @Get('search')
  @Authorize('operator', 'supervisor', 'central-reception', 'system')
  @ApiOperation({
    summary: 'Full-text search over subject and text (Kazakh and Russian), in the caller’s scope',
  })
  @ApiOkResponse({ description: 'A page of cases, best match first; no citizen contact.' })
  @ApiBadRequestResponse({ description: 'No words to search for, or a bad parameter.' })
  search(@Caller() principal: Principal, @Query() query: SearchQuery): Promise<Page<CaseSummary>> {
    return this.cases.search(principal, query);
  }
}
