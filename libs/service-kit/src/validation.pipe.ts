import { validatePayload } from '@app/contracts';
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { invalidRequest } from './i18n/localized-http.exception';

type PayloadClass = new () => object;

const PLAIN_TYPES: unknown[] = [String, Number, Boolean, Array, Object];

const VALIDATED = { body: 'invalid-fields', query: 'invalid-query' } as const;

/**
 * Validates request bodies with the same contract rules and the same error shape as the Kafka entrance
 * (`fieldErrors: [{ field, reason }]`, plus a code and a message in the client's language), so a publisher
 * gets one answer whichever way it sends an appeal. A `@Query()` DTO is held to the same rules: an unknown
 * parameter is named, not ignored. Query values arrive as text, so a DTO converts what it wants as a number
 * itself (`@Type(() => Number)`).
 */
@Injectable()
export class ContractValidationPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const metatype = metadata.metatype as PayloadClass | undefined;
    const refusal =
      metadata.type === 'body' || metadata.type === 'query' ? VALIDATED[metadata.type] : undefined;
    if (!refusal || !metatype || PLAIN_TYPES.includes(metatype)) return value;
    // Express parses a query string into an object without a prototype.
    const plain = metadata.type === 'query' ? { ...(value as object) } : value;
    const checked = validatePayload(metatype, plain);
    if (checked.ok) return checked.value;
    throw invalidRequest(400, refusal, checked.errors);
  }
}
