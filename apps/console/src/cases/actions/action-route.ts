import { applyDecorators, HttpCode, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOperation,
  ApiResponse,
} from '@nestjs/swagger';
import { Authorize } from '../../access/access.decorators';
import type { Allowed } from '../../access/authorize.guard';
import { ActionReceiptResponse } from './action-receipt.response';

/** An action route: `POST …/actions/<path>`, its callers, and the answers every action shares. */
export function ActionRoute(path: string, summary: string, ...allowed: Allowed[]): MethodDecorator {
  return applyDecorators(
    Post(path),
    HttpCode(202),
    Authorize(...allowed),
    ApiOperation({ summary }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description: 'New for each request; a retry with the same key and body gets the first answer.',
    }),
    ApiHeader({ name: 'If-Match', required: true, description: "The case's ETag the decision was made on." }),
    ApiAcceptedResponse({ type: ActionReceiptResponse, description: 'The event is published.' }),
    ApiNotFoundResponse({ description: 'No such case in your scope.' }),
    ApiConflictResponse({
      description:
        'The case changed (code stale-version, with the current ETag) or its state does not allow it.',
    }),
    ApiResponse({ status: 422, description: 'The Idempotency-Key was used for a different request.' }),
    ApiResponse({ status: 428, description: 'If-Match is missing.' }),
  );
}
