import { applyDecorators, Controller, UseFilters } from '@nestjs/common';
import { PropagateHandlerErrors } from './propagate-handler-errors.filter';

/**
 * Marks a class of `@EventPattern` handlers. Use it instead of `@Controller()`: it makes handler errors
 * reach the consumer as they are, so a lost connection is retried and only bad data is dead-lettered.
 */
export function EventConsumer(): ClassDecorator {
  return applyDecorators(Controller(), UseFilters(PropagateHandlerErrors));
}
