import { randomUUID } from 'node:crypto';
import {
  Equals,
  IsDefined,
  IsNotEmpty,
  IsString,
  MaxLength,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { IsOptionalField, IsTimestamp } from './decorators';
import { validateAs, type ValidationResult } from './validation';

/**
 * A CloudEvent 1.0 in structured JSON form (the whole event is the Kafka record value).
 * Extension attributes (e.g. `traceparent`, `tracestate`) sit beside the standard ones.
 */
export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time?: string;
  subject?: string;
  datacontenttype?: string;
  dataschema?: string;
  data: T;
  [extension: string]: unknown;
}

/** Attributes defined by the CloudEvents 1.0 core spec; any other top-level key is an extension. */
export const CLOUDEVENT_CORE_ATTRIBUTES: ReadonlySet<string> = new Set([
  'specversion',
  'id',
  'source',
  'type',
  'time',
  'subject',
  'datacontenttype',
  'dataschema',
  'data',
  'data_base64',
]);

/** CloudEvents 1.0 §"Attribute Naming Convention": lower-case ASCII letters and digits only. */
const ATTRIBUTE_NAME = /^[a-z0-9]+$/;

/** Binary content mode on Kafka carries each attribute in a header named `ce_<attribute>`. */
export const CLOUDEVENT_KAFKA_HEADER_PREFIX = 'ce_';

/**
 * The envelope's own rules, validated before `data` is checked against the payload class of `type`.
 * `data` only has to be present here: its shape depends on `type`.
 */
export class CloudEventEnvelope {
  @Equals('1.0', { message: "specversion must be '1.0'" })
  specversion!: '1.0';

  /** At most as long as the `sourceEventId` that `registered` may carry. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  id!: string;

  /** A URI-reference naming the producer; (source, id) is the idempotency key on intake. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  source!: string;

  @IsString()
  @IsNotEmpty()
  type!: string;

  @IsOptionalField()
  @IsTimestamp()
  time?: string;

  @IsOptionalField()
  @IsString()
  @IsNotEmpty()
  subject?: string;

  @IsOptionalField()
  @IsString()
  @IsNotEmpty()
  datacontenttype?: string;

  @IsOptionalField()
  @IsString()
  @IsNotEmpty()
  dataschema?: string;

  /** Every event type of this contract carries JSON data, so an event without it is unusable. */
  @IsDefined({ message: 'data must be present' })
  @HasValidCloudEventExtensions()
  data!: unknown;
}

/**
 * Validates the extension attributes of the whole event: names per the spec's naming convention,
 * values of a type the spec allows in JSON (string, number, boolean). It hangs on `data` only because
 * class-validator needs a property to attach to; the message names the offending attributes.
 */
function HasValidCloudEventExtensions(): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'hasValidCloudEventExtensions',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate(_value: unknown, args: ValidationArguments): boolean {
          return invalidExtensions(args.object).length === 0;
        },
        defaultMessage(args: ValidationArguments): string {
          return `extension attributes must have lower-case alphanumeric names and string, number or boolean values: ${invalidExtensions(args.object).join(', ')}`;
        },
      },
    });
  };
}

function invalidExtensions(event: object): string[] {
  return Object.entries(event)
    .filter(([name]) => !CLOUDEVENT_CORE_ATTRIBUTES.has(name))
    .filter(([name, value]) => !ATTRIBUTE_NAME.test(name) || !isExtensionValue(value))
    .map(([name]) => name);
}

function isExtensionValue(value: unknown): boolean {
  return (
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * Validates the envelope of a parsed structured-mode event. The envelope is open (extensions are
 * allowed), so unlike payloads unknown keys are not rejected; on success the event is returned as
 * it came (not a class instance) so that extension attributes are kept untouched.
 */
export function validateCloudEventEnvelope(plain: unknown): ValidationResult<CloudEvent> {
  const result = validateAs(plain, {
    // A shallow copy, not class-transformer's deep one: `data` is checked (its depth too) against the
    // payload class of `type` later. Keys that would change the copy's prototype were refused before.
    instantiate: (json) => Object.assign(new CloudEventEnvelope(), json),
    options: { forbidUnknownValues: true },
    deferred: 'data',
  });
  return result.ok ? { ok: true, value: plain as CloudEvent } : result;
}

export interface NewCloudEventArgs<T> {
  type: string;
  source: string;
  data: T;
  subject?: string;
  id?: string;
  time?: Date;
}

/** A new structured-mode event; id defaults to a random UUID and time to now. */
export function newCloudEvent<T>(args: NewCloudEventArgs<T>): CloudEvent<T> {
  const event: CloudEvent<T> = {
    specversion: '1.0',
    id: args.id ?? randomUUID(),
    source: args.source,
    type: args.type,
    time: (args.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    data: args.data,
  };
  // Left out rather than set to undefined, so that the serialised event has no `subject` key at all.
  if (args.subject !== undefined) event.subject = args.subject;
  return event;
}
