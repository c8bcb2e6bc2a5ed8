import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import { describeConstraint, IS_DEFINED, NESTED_VALIDATION } from './constraint-codes';
import type { FieldError } from './field-error';
import { unstorableParts } from './storable-json';

export type { ConstraintContext, FieldError, FieldErrorParams } from './field-error';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Payloads are closed: an unknown property is an error rather than silently dropped, so that a
 * publisher who misspells `regionKato` learns it at once instead of losing the field.
 */
const PAYLOAD_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
};

/**
 * Turns untrusted JSON (already parsed) into a validated instance of `cls`.
 * Values are not coerced: "12" is not a number, so what passes here is exactly what the JSON said.
 */
export function validatePayload<T extends object>(cls: new () => T, plain: unknown): ValidationResult<T> {
  return validateAs(plain, {
    instantiate: (json) => plainToInstance(cls, json),
    options: PAYLOAD_OPTIONS,
  });
}

/** fieldErrors given for one value at most; one more entry says how many were left out. */
export const MAX_FIELD_ERRORS = 50;

export interface ValidationRules<T extends object> {
  /** Builds what class-validator checks; it is given only JSON that {@link unstorableParts} found sound. */
  instantiate(json: Record<string, unknown>): T;
  options: ValidatorOptions;
  /** A top-level property that a later check takes whole, so it is not walked here (a CloudEvent's `data`). */
  deferred?: string;
}

/**
 * Shared by payload and envelope validation: a JSON object, sound throughout, then the class's rules.
 * What {@link unstorableParts} finds is reported alone: such JSON is not handed to class-transformer
 * (too deep for its recursion, or keys it would drop), and its other faults can wait for a sound resend.
 */
export function validateAs<T extends object>(plain: unknown, rules: ValidationRules<T>): ValidationResult<T> {
  if (!isPlainObject(plain)) {
    return {
      ok: false,
      errors: [
        {
          field: '',
          reason: `value must be a JSON object, got ${describeJsonType(plain)}`,
          code: 'jsonObject',
        },
      ],
    };
  }
  const unsound = unstorableParts(plain, rules.deferred);
  if (unsound.length > 0) return { ok: false, errors: capFieldErrors(unsound) };
  const value = rules.instantiate(plain);
  const errors = flattenValidationErrors(validateSync(value, rules.options));
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors: capFieldErrors(errors) };
}

/** A body of 100 000 unknown keys must not earn an answer of 100 000 errors. */
function capFieldErrors(errors: FieldError[]): FieldError[] {
  if (errors.length <= MAX_FIELD_ERRORS) return errors;
  const more = errors.length - MAX_FIELD_ERRORS;
  return [
    ...errors.slice(0, MAX_FIELD_ERRORS),
    {
      field: '',
      reason: `${more} more field error${more === 1 ? '' : 's'} not listed`,
      code: 'moreFieldErrors',
      params: { count: more },
    },
  ];
}

/**
 * One FieldError per failed constraint, depth first, with dotted paths (array indexes included), each
 * with its code and the values its message quotes ({@link describeConstraint}).
 * Two refinements keep the list to what a publisher can act on:
 * - an absent property fails every rule on it (type, length, pattern); listing them all buries the one
 *   fact that matters, so it is reported once: the `@IsDefined` message if the class gives one
 *   (e.g. "email is required when preferredChannel is email"), else "<property> is required";
 * - class-validator's message for a nested value that is not an object ("must be either object or
 *   array") is misleading, so it is replaced and de-duplicated with `@IsObject`'s.
 */
export function flattenValidationErrors(errors: readonly ValidationError[], parentPath = ''): FieldError[] {
  const flat: FieldError[] = [];
  for (const error of errors) {
    const field = parentPath === '' ? error.property : `${parentPath}.${error.property}`;
    flat.push(...failuresOf(error, field));
    if (error.children !== undefined && error.children.length > 0) {
      flat.push(...flattenValidationErrors(error.children, field));
    }
  }
  return flat;
}

function failuresOf(error: ValidationError, field: string): FieldError[] {
  const constraints = error.constraints ?? {};
  if (Object.keys(constraints).length === 0) return [];
  if (error.value === undefined) {
    const reason = constraints[IS_DEFINED] ?? `${error.property} is required`;
    return [{ field, reason, ...describeConstraint(error, IS_DEFINED) }];
  }
  const reasons = new Set<string>();
  const failures: FieldError[] = [];
  for (const [name, message] of Object.entries(constraints)) {
    const reason = name === NESTED_VALIDATION ? `${field} must be an object` : message;
    if (reasons.has(reason)) continue;
    reasons.add(reason);
    failures.push({ field, reason, ...describeConstraint(error, name) });
  }
  return failures;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
