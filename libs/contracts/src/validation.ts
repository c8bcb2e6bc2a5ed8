import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';

/** One failed rule, in a shape that fits a 4xx body, a dead-letter header and a log line alike. */
export interface FieldError {
  /** Dotted path from the validated object: `citizen.iin`, `attachments.0.sha256`; '' for the whole value. */
  field: string;
  /** The constraint's message, e.g. "iin check digit is wrong". */
  reason: string;
}

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
  const result = validateAs(cls, plain, PAYLOAD_OPTIONS);
  const uncopied = uncopiedProperties(plain);
  if (uncopied.length === 0) return result;
  return { ok: false, errors: [...uncopied, ...(result.ok ? [] : result.errors)] };
}

/** Keys class-transformer never copies, so the whitelist never sees them: without this they vanish unnoticed. */
const UNCOPIED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor']);

/** Every `__proto__` or `constructor` key in the JSON, at any depth, as the whitelist would report it. */
function uncopiedProperties(plain: unknown, path = ''): FieldError[] {
  if (typeof plain !== 'object' || plain === null) return [];
  return Object.entries(plain).flatMap(([key, value]) => {
    const field = path === '' ? key : `${path}.${key}`;
    return UNCOPIED_KEYS.has(key)
      ? [{ field, reason: `property ${key} should not exist` }]
      : uncopiedProperties(value, field);
  });
}

/** Shared by payload and envelope validation; the envelope is open (extensions), so it passes other options. */
export function validateAs<T extends object>(
  cls: new () => T,
  plain: unknown,
  options: ValidatorOptions,
): ValidationResult<T> {
  if (!isPlainObject(plain)) {
    return {
      ok: false,
      errors: [{ field: '', reason: `value must be a JSON object, got ${describeJsonType(plain)}` }],
    };
  }
  const value = plainToInstance(cls, plain);
  const errors = flattenValidationErrors(validateSync(value, options));
  return errors.length === 0 ? { ok: true, value } : { ok: false, errors };
}

/**
 * One FieldError per failed constraint, depth first, with dotted paths (array indexes included).
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
    for (const reason of reasonsOf(error, field)) {
      flat.push({ field, reason });
    }
    if (error.children !== undefined && error.children.length > 0) {
      flat.push(...flattenValidationErrors(error.children, field));
    }
  }
  return flat;
}

function reasonsOf(error: ValidationError, field: string): string[] {
  const constraints = error.constraints ?? {};
  if (Object.keys(constraints).length === 0) return [];
  if (error.value === undefined) {
    return [constraints[IS_DEFINED] ?? `${error.property} is required`];
  }
  const reasons = Object.entries(constraints).map(([name, message]) =>
    name === NESTED_VALIDATION ? `${field} must be an object` : message,
  );
  return [...new Set(reasons)];
}

/** class-validator's constraint names, as they appear as keys of `ValidationError.constraints`. */
const IS_DEFINED = 'isDefined';
const NESTED_VALIDATION = 'nestedValidation';

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
