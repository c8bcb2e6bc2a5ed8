import type { CasePageView } from '@app/contracts';
import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authorize, Caller } from '../../../access/access.decorators';
import type { Principal } from '../../../access/principal';
import { etagOf } from '../../read-model/case-file';
import { AppealIdPipe } from '../../case-ids';
import { caseNotFound } from '../../case-not-found';
import { CasePage } from './case-page';
import { reasonLanguageOf } from './deadline-explanation';

@ApiTags('cases')
@Controller('api/v1/cases')
export class CasePageController {
  constructor(private readonly page: CasePage) {}

  @Get(':appealId')
  @Authorize('operator', 'supervisor', 'central-reception', 'system')
  @ApiOperation({
    summary:
      'One case: citizen, text, attachments, timeline, deadline explained, repeat appeals, actions allowed now',
    description:
      'Reading it is audited. The ETag header is the case version (send it as If-Match with an action).',
  })
  @ApiOkResponse({ description: 'The case page.' })
  @ApiNotFoundResponse({ description: 'No such case in the caller’s scope.' })
  async read(
    @Caller() principal: Principal,
    @Param('appealId', new AppealIdPipe(caseNotFound)) appealId: string,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<CasePageView> {
    const view = await this.page.read(principal, appealId, reasonLanguageOf(acceptLanguage));
    response.setHeader('ETag', etagOf(view.case));
    return view;
  }
}
