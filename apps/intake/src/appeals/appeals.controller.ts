import { SubmittedAppealData } from '@app/contracts';
import { ApiErrorResponse, ApiInvalidRequestResponse, httpError, invalidRequest } from '@app/service-kit';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { INTAKE_HTTP_SOURCE } from '../intake.definition';
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
  @ApiOperation({
    summary: 'Submit an appeal; a repeated Idempotency-Key returns the first registration (200)',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Unique per submission; retries reuse it',
  })
  @ApiOkResponse({
    type: RegisteredAppealResponse,
    description: 'Replay of an earlier submission with this key',
  })
  @ApiInvalidRequestResponse()
  @ApiErrorResponse(409, 'The Idempotency-Key was already used for different content')
  async submit(
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
      source: INTAKE_HTTP_SOURCE,
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
  @ApiOperation({ summary: 'Public status timeline of an appeal, without personal data' })
  @ApiErrorResponse(404, 'No appeal has this tracking number')
  track(@Param('trackingNumber') trackingNumber: string): Promise<PublicAppealStatus> {
    return this.tracking.byTrackingNumber(trackingNumber);
  }
}
