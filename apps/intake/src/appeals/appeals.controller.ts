import { SubmittedAppealData } from '@app/contracts';
import {
  ApiErrorResponse,
  ApiInvalidRequestResponse,
  CallingSystem,
  httpError,
  invalidRequest,
  RateLimited,
  SYSTEM_BEARER_SCHEME,
  SystemTokenGuard,
  type ExternalSystem,
} from '@app/service-kit';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { TRACKING_BUCKET } from '../access/intake-access-config';
import { AppealRegistrar } from './appeal-registrar';
import { AppealTracking, type PublicAppealStatus } from './appeal-tracking';
import { RegisteredAppealResponse } from './registered-appeal.response';

const MAX_IDEMPOTENCY_KEY_LENGTH = 200;

@ApiTags('appeals')
@Controller('api/v1/appeals')
export class AppealsController {
  constructor(
    private readonly registrar: AppealRegistrar,
    private readonly tracking: AppealTracking,
  ) {}

  @Post()
  @HttpCode(201)
  @UseGuards(SystemTokenGuard)
  @ApiBearerAuth(SYSTEM_BEARER_SCHEME)
  @ApiOperation({
    summary: 'Submit an appeal; a repeated Idempotency-Key returns the first registration (200)',
    description:
      "An external system's access token decides the appeal's source (the token's `source` claim); the " +
      'Idempotency-Key is unique per source, so two systems never meet on one key.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Unique per submission of this system; retries reuse it',
  })
  @ApiUnauthorizedResponse({ description: "No system's token, or one that is invalid or expired." })
  @ApiTooManyRequestsResponse({ description: 'Too many submissions of this system; see Retry-After.' })
  @ApiOkResponse({
    type: RegisteredAppealResponse,
    description: 'Replay of an earlier submission with this key',
  })
  @ApiInvalidRequestResponse()
  @ApiErrorResponse(409, 'The Idempotency-Key was already used for different content')
  async submit(
    @CallingSystem() system: ExternalSystem,
    @Body() data: SubmittedAppealData,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RegisteredAppealResponse> {
    const arrivedAt = new Date();
    const key = idempotencyKey?.trim() || randomUUID();
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
      throw invalidRequest(400, 'invalid-fields', [
        {
          field: 'Idempotency-Key',
          reason: `Idempotency-Key must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`,
          code: 'maxLength',
          params: { max: MAX_IDEMPOTENCY_KEY_LENGTH, count: MAX_IDEMPOTENCY_KEY_LENGTH },
        },
      ]);
    }
    const registration = await this.registrar.register({
      source: system.source,
      sourceEventId: key,
      data,
      arrivedAt,
    });
    if (registration.outcome === 'refused')
      throw invalidRequest(400, 'invalid-fields', registration.fieldErrors);
    if (registration.outcome === 'conflict') throw httpError('idempotency-key-reused');
    if (registration.outcome === 'duplicate') response.status(200).setHeader('Idempotent-Replayed', 'true');
    return RegisteredAppealResponse.of(registration.appeal);
  }

  @Get('track/:trackingNumber')
  @RateLimited(TRACKING_BUCKET)
  @ApiOperation({ summary: 'Public status timeline of an appeal, without personal data' })
  @ApiTooManyRequestsResponse({ description: 'Too many lookups from this address; see Retry-After.' })
  @ApiErrorResponse(404, 'No appeal has this tracking number')
  track(@Param('trackingNumber') trackingNumber: string): Promise<PublicAppealStatus> {
    return this.tracking.byTrackingNumber(trackingNumber);
  }
}
