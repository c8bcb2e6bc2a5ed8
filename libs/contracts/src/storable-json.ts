import type { FieldError } from './field-error';

/**
 * Levels of nesting of objects and arrays, at most: 32 `[` in a row pass, 33 do not. The deepest payload
 * of the contract nests three levels (`attachments.0.sha256`); class-transformer and `JSON.stringify`
 * recurse, and a body of 100 000 `[` would overflow their stack.
 */
export const MAX_JSON_DEPTH = 32;

/** Keys of one object or elements of one array, at most; the contract's largest list has 20. */
export const MAX_JSON_ENTRIES = 1000;

/** Keys class-transformer never copies, so the whitelist never sees them: without this they vanish unnoticed. */
const UNCOPIED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor']);

/**
 * PostgreSQL's text and jsonb refuse U+0000; a lone UTF-16 surrogate has no UTF-8 form, so the driver
 * would store U+FFFD in its place (and jsonb refuses its escape). With the `u` flag a surrogate range
 * matches only unpaired halves: an emoji's pair is one code point.
 */
const LONE_SURROGATES = /[\ud800-\udfff]/gu;

interface Defect {
  phrase: string;
  code: string;
}

function stringDefect(text: string): Defect | undefined {
  if (text.includes('\0'))
    return { phrase: 'must not contain the NUL character (U+0000)', code: 'nulCharacter' };
  if (text.search(LONE_SURROGATES) !== -1)
    return { phrase: 'must be well-formed Unicode, without lone UTF-16 surrogates', code: 'loneSurrogate' };
  return undefined;
}

function keyDefect(key: string): Defect | undefined {
  if (UNCOPIED_KEYS.has(key))
    return { phrase: `property ${key} should not exist`, code: 'whitelistValidation' };
  const defect = stringDefect(key);
  return defect === undefined ? undefined : { ...defect, phrase: `property name ${defect.phrase}` };
}

/** A key fit for a field path and a log line: its unstorable code units spelled `\uXXXX`. */
function printableKey(key: string): string {
  return key.replace(LONE_SURROGATES, escapeUnit).replaceAll('\0', escapeUnit);
}

function escapeUnit(unit: string): string {
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

function nameOf(field: string): string {
  return field === '' ? 'value' : field;
}

interface Pending {
  value: unknown;
  field: string;
  /** How many containers enclose the value. */
  depth: number;
}

/**
 * Everything in untrusted, parsed JSON that no rule of a payload class should ever be asked about,
 * because it cannot be stored or carried on as it came, or would exhaust the stack of what validates it:
 * strings (values and keys) with NUL or lone surrogates, numbers JSON cannot write (1e400 parses as
 * Infinity), nesting beyond {@link MAX_JSON_DEPTH}, containers beyond {@link MAX_JSON_ENTRIES}, and
 * `__proto__` / `constructor` keys. One FieldError per finding, by dotted path.
 *
 * Iterative, so that no input can overflow the stack here either. `deferred` names a top-level key that
 * is left alone because another check takes it whole (the `data` of a CloudEvent).
 */
export function unstorableParts(root: unknown, deferred?: string): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Pending[] = [{ value: root, field: '', depth: 0 }];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const { value, field, depth } = next;
    if (typeof value === 'string') {
      const defect = stringDefect(value);
      if (defect !== undefined)
        errors.push({ field, reason: `${nameOf(field)} ${defect.phrase}`, code: defect.code });
      continue;
    }
    if (typeof value === 'number') {
      if (!Number.isFinite(value))
        errors.push({ field, reason: `${nameOf(field)} must be a finite number`, code: 'finiteNumber' });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_JSON_DEPTH) {
      errors.push({
        field,
        reason: `${nameOf(field)} is nested deeper than ${MAX_JSON_DEPTH} levels`,
        code: 'maxDepth',
        params: { max: MAX_JSON_DEPTH, count: MAX_JSON_DEPTH },
      });
      continue;
    }
    const keys = Object.keys(value);
    if (keys.length > MAX_JSON_ENTRIES) {
      const what = Array.isArray(value) ? 'elements' : 'properties';
      errors.push({
        field,
        reason: `${nameOf(field)} must have at most ${MAX_JSON_ENTRIES} ${what}`,
        code: 'maxEntries',
        params: { max: MAX_JSON_ENTRIES, count: MAX_JSON_ENTRIES },
      });
      continue;
    }
    const children: Pending[] = [];
    for (const key of keys) {
      if (depth === 0 && key === deferred) continue;
      const child = field === '' ? printableKey(key) : `${field}.${printableKey(key)}`;
      const defect = keyDefect(key);
      if (defect !== undefined) errors.push({ field: child, reason: defect.phrase, code: defect.code });
      else children.push({ value: (value as Record<string, unknown>)[key], field: child, depth: depth + 1 });
    }
    // Reversed onto the stack, so that values are visited in the order of the document.
    pending.push(...children.reverse());
  }
  return errors;
}
