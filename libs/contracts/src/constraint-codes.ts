import { getMetadataStorage, type ValidationError } from 'class-validator';
import type { ConstraintContext, FieldErrorParams } from './field-error';
import { IIN_DEFECT_CODES, iinDefectCode } from './kazakhstan/iin';
import { KATO_DEFECT_CODES, katoDefect } from './kazakhstan/regions';

/** class-validator's constraint names, as they appear as keys of `ValidationError.constraints`. */
export const IS_DEFINED = 'isDefined';
export const NESTED_VALIDATION = 'nestedValidation';

type Arguments = readonly unknown[];

function numbers(entries: Record<string, unknown>): FieldErrorParams {
  return Object.fromEntries(
    Object.entries(entries).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
  );
}

function listed(values: unknown): string {
  return Array.isArray(values) ? values.map(String).join(', ') : '';
}

/**
 * The arguments of built-in constraints that their messages quote. `count` is the number a noun after it
 * agrees with ("300 символов"), so that a language with plural forms can choose one.
 */
const PARAMS_OF: Readonly<Record<string, (args: Arguments) => FieldErrorParams>> = {
  isLength: ([min, max]) => numbers({ min, max, count: max ?? min }),
  minLength: ([min]) => numbers({ min, count: min }),
  maxLength: ([max]) => numbers({ max, count: max }),
  min: ([min]) => numbers({ min }),
  max: ([max]) => numbers({ max }),
  arrayMinSize: ([min]) => numbers({ min, count: min }),
  arrayMaxSize: ([max]) => numbers({ max, count: max }),
  isEnum: ([, values]) => ({ values: listed(values) }),
  isIn: ([values]) => ({ values: listed(values) }),
  equals: ([comparison]) => ({ comparison: String(comparison) }),
};

/** Constraints whose one name covers several defects: the code names the defect the value has. */
const REFINED: Readonly<Record<string, { codes: readonly string[]; of(value: unknown): ConstraintContext }>> =
  {
    isKazakhIin: { codes: Object.values(IIN_DEFECT_CODES), of: iinDefectCode },
    isKatoCode: { codes: KATO_DEFECT_CODES, of: katoDefect },
  };

/**
 * Every code a constraint can give: a decorator's own `context.code`, the refined codes of a constraint
 * that has several, else its name. For tests that check that each code has a message in every language.
 */
export function codesOfConstraint(name: string, context?: Partial<ConstraintContext>): readonly string[] {
  if (context?.code !== undefined) return [context.code];
  if (name === NESTED_VALIDATION) return ['isObject'];
  return REFINED[name]?.codes ?? [name];
}

/**
 * Codes that validation gives outside any constraint: a value that is not an object, JSON that cannot be
 * stored, an absent or null property, and the note that more errors were left out.
 */
export const STRUCTURAL_CODES = [
  'jsonObject',
  'nulCharacter',
  'loneSurrogate',
  'finiteNumber',
  'maxDepth',
  'maxEntries',
  'whitelistValidation',
  'moreFieldErrors',
  IS_DEFINED,
  'notNull',
  'isObject',
] as const;

/** The code and the quoted values of one failed constraint of a class-validator error. */
export function describeConstraint(error: ValidationError, name: string): ConstraintContext {
  // A null is refused for what it is, whatever the property's own reason to require a value.
  if (name === IS_DEFINED && error.value === null) return { code: 'notNull' };
  const context = error.contexts?.[name] as Partial<ConstraintContext> | undefined;
  if (context?.code !== undefined) return withParams(context.code, context.params);
  if (name === NESTED_VALIDATION) return { code: 'isObject' };
  const refined = REFINED[name];
  if (refined !== undefined) return refined.of(error.value);
  const params = PARAMS_OF[name]?.(constraintArguments(error, name));
  return withParams(name, params);
}

function withParams(code: string, params: FieldErrorParams | undefined): ConstraintContext {
  return params === undefined || Object.keys(params).length === 0 ? { code } : { code, params };
}

/** class-validator keeps a constraint's arguments (Length's min and max) in its metadata, not in the error. */
function constraintArguments(error: ValidationError, name: string): Arguments {
  const target = error.target?.constructor;
  if (target === undefined) return [];
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((candidate) => candidate.propertyName === error.property && candidate.name === name);
  return metadata?.constraints ?? [];
}
