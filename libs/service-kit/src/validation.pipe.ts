import { validatePayload } from '@app/contracts';
import { BadRequestException, Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';

type PayloadClass = new () => object;

const PLAIN_TYPES: unknown[] = [String, Number, Boolean, Array, Object];

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
    throw new BadRequestException({
      statusCode: 400,
      error: 'Bad Request',
      code: 'invalid-request',
      message: 'the request has invalid fields',
      fieldErrors: checked.errors,
    });
  }
}
