import type { PublicAnswer, PublicCaseStatus } from '@app/contracts';
import { RateLimited } from '@app/service-kit';
import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { CITIZEN_TRACKING_BUCKET } from '../../identity/identity-config';
import { PublicAnswerView } from './public-answer-view';
import { PublicCaseView } from './public-case-view';

/**
 * The citizen's public pages' data (no account, no token): the status of a tracking number, and the answer
 * the link of the answer message names. Limited per client address.
 */
@ApiTags('citizen tracking')
@Controller('api/v1/appeals/track')
export class PublicTrackingController {
  constructor(
    private readonly cases: PublicCaseView,
    private readonly answers: PublicAnswerView,
  ) {}

  @Get(':trackingNumber')
  @RateLimited(CITIZEN_TRACKING_BUCKET)
  @ApiOperation({
    summary: 'The public status of an appeal: its steps, the holding body and the deadline, no personal data',
  })
  @ApiOkResponse({
    description:
      '{ trackingNumber, status, level, organizationName, registeredAt, dueAt, answeredAt?, ' +
      'timeline: [{ step, at, organizationName? }] }',
  })
  @ApiNotFoundResponse({ description: 'No appeal has this tracking number (or it is not one).' })
  @ApiTooManyRequestsResponse({ description: 'Too many lookups from this address; see Retry-After.' })
  status(@Param('trackingNumber') trackingNumber: string): Promise<PublicCaseStatus> {
    return this.cases.byTrackingNumber(trackingNumber);
  }

  @Get(':trackingNumber/answer')
  @RateLimited(CITIZEN_TRACKING_BUCKET)
  @ApiOperation({ summary: 'The answer the link of the answer message names, with the secret of that link' })
  @ApiQuery({ name: 'response', description: 'The answer (responded.responseId) the link names.' })
  @ApiQuery({ name: 'secret', description: 'The secret from the link in the answer message.' })
  @ApiOkResponse({
    description:
      '{ trackingNumber, organizationName, respondedAt, text, current, decision: null | accepted | rejected }',
  })
  @ApiNotFoundResponse({ description: 'The tracking number, answer and secret do not name an answer.' })
  @ApiTooManyRequestsResponse({ description: 'Too many lookups from this address; see Retry-After.' })
  answer(
    @Param('trackingNumber') trackingNumber: string,
    @Query('response') response?: string,
    @Query('secret') secret?: string,
  ): Promise<PublicAnswer> {
    return this.answers.read(trackingNumber, { response, secret });
  }
}
