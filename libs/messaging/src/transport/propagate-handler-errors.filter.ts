import { Catch, type RpcExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Nest's default RPC filter replaces any error with "Internal server error", which would hide a
 * connection loss (to be retried) behind an unknown failure (to be dead-lettered). This filter hands
 * the original error to the consumer, which classifies it.
 */
@Catch()
export class PropagateHandlerErrors implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
