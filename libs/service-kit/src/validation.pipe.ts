import { validatePayload, type FieldError } from '@app/contracts';
import { HttpException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';

type PayloadClass = new () => object;

const PLAIN_TYPES: unknown[] = [String, Number, Boolean, Array, Object];

/** The one shape of every refused request: `{ statusCode, error, code: 'invalid-request', message, fieldErrors }`. */
export function invalidRequest(status: number, message: string, fieldErrors: FieldError[]): HttpException {
  return new HttpException(
    { statusCode: status, error: STATUS_CODES[status], code: 'invalid-request', message, fieldErrors },
    status,
  );
}

const VALIDATED: Partial<Record<ArgumentMetadata['type'], string>> = {
  body: 'the request has invalid fields',
  query: 'the query has invalid parameters',
};

/**
 * Validates request bodies with the same contract rules and the same error shape as the Kafka entrance
 * (`fieldErrors: [{ field, reason }]`), so a publisher gets one answer whichever way it sends an appeal.
 * A `@Query()` DTO is held to the same rules: an unknown parameter is named, not ignored. Query values
 * arrive as text, so a DTO converts what it wants as a number itself (`@Type(() => Number)`).
 */
@Injectable()
export class ContractValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const metatype = metadata.metatype as PayloadClass | undefined;
    const refusal = VALIDATED[metadata.type];
    if (!refusal || !metatype || PLAIN_TYPES.includes(metatype)) return value;
    // Express parses a query string into an object without a prototype.
    const plain = metadata.type === 'query' ? { ...(value as object) } : value;
    const checked = validatePayload(metatype, plain);
    if (checked.ok) return checked.value;
    throw invalidRequest(400, refusal, checked.errors);
  }
}
