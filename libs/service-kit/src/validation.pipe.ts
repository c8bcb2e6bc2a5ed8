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

/**
 * Validates request bodies with the same contract rules and the same error shape as the Kafka entrance
 * (`fieldErrors: [{ field, reason }]`), so a publisher gets one answer whichever way it sends an appeal.
 */
@Injectable()
export class ContractValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const metatype = metadata.metatype as PayloadClass | undefined;
    if (metadata.type !== 'body' || !metatype || PLAIN_TYPES.includes(metatype)) return value;
    const checked = validatePayload(metatype, value);
    if (checked.ok) return checked.value;
    throw invalidRequest(400, 'the request has invalid fields', checked.errors);
  }
}
