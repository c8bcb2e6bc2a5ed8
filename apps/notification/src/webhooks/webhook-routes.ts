import { ApiErrorResponse, SYSTEM_BEARER_SCHEME, SystemTokenGuard } from '@app/service-kit';
import { applyDecorators, Controller, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';

/** What every route of the webhook API shares: the path, a system's token, its refusals. */
export function WebhookApi(): ClassDecorator {
  return applyDecorators(
    ApiTags('webhooks'),
    Controller('api/v1/webhooks/subscriptions'),
    UseGuards(SystemTokenGuard),
    ApiBearerAuth(SYSTEM_BEARER_SCHEME),
    ApiUnauthorizedResponse({
      description: "No system's token, or one that is invalid, expired or not for notification.",
    }),
    ApiTooManyRequestsResponse({ description: 'Too many requests of this system; see Retry-After.' }),
  );
}

/** A route on one subscription: another system's is answered as none. */
export const ApiSubscriptionNotFound = (): MethodDecorator =>
  ApiErrorResponse(404, "No subscription of this system has this id (another system's included).");
