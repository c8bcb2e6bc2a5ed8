import { RateLimited } from '@app/service-kit';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { Authorize, Caller } from '../access/access.decorators';
import type { SystemPrincipal } from '../access/principal';
import { caseNotFound } from '../cases/case-not-found';
import { httpError } from '@app/service-kit';
import { CITIZEN_DECISION_BUCKET } from '../identity/identity-config';
import { AppealIdPipe, TrackingNumberPipe } from '../cases/case-ids';
import {
  DecisionReceiptResponse,
  LinkDecisionRequest,
  PortalDecisionRequest,
} from './citizen-decision.request';
import { CitizenDecisions, type DecisionOutcome } from './citizen-decisions';

function answered(outcome: DecisionOutcome, response: Response): DecisionReceiptResponse {
  if (outcome.replayed) response.setHeader('Idempotent-Replayed', 'true');
  return outcome.receipt;
}

/** The citizen's voice on the answer: through the submitting portal, or with the secret of their link. */
@ApiTags('citizen decisions')
@Controller('api/v1')
export class CitizenDecisionsController {
  constructor(private readonly decisions: CitizenDecisions) {}

  @Post('cases/:appealId/citizen-decision')
  @HttpCode(202)
  @Authorize('system')
  @ApiOperation({
    summary: "The citizen's acceptance or rejection of the answer, passed on by the submitting portal",
  })
  @ApiAcceptedResponse({ type: DecisionReceiptResponse })
  @ApiNotFoundResponse({ description: 'No such appeal submitted by this system.' })
  @ApiConflictResponse({
    description: 'No answer yet, a newer answer, or the citizen decided otherwise before.',
  })
  async byPortal(
    @Param('appealId', new AppealIdPipe(caseNotFound)) appealId: string,
    @Caller() portal: SystemPrincipal,
    @Body() body: PortalDecisionRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DecisionReceiptResponse> {
    return answered(await this.decisions.byPortal(portal, appealId, body), response);
  }

  @Post('appeals/track/:trackingNumber/decision')
  @HttpCode(202)
  @RateLimited(CITIZEN_DECISION_BUCKET)
  @ApiOperation({
    summary: "The citizen's acceptance or rejection of the answer, with the secret of their link",
  })
  @ApiAcceptedResponse({ type: DecisionReceiptResponse })
  @ApiNotFoundResponse({ description: 'The tracking number and secret do not name an answer.' })
  @ApiConflictResponse({
    description: 'The citizen decided otherwise before, or the case cannot take it now.',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address.' })
  async byLink(
    @Param('trackingNumber', new TrackingNumberPipe(() => httpError('appeal-not-found')))
    trackingNumber: string,
    @Body() body: LinkDecisionRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<DecisionReceiptResponse> {
    return answered(await this.decisions.byLink(trackingNumber, body), response);
  }
}
