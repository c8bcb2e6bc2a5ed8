import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import type { ConstraintContext } from '../field-error';
import { isKatoCode, KATO_CODE } from './region-list';

// The list itself has no dependencies, so the console's web UI can bundle it.
export * from './region-list';

/** The codes {@link katoDefect} gives. */
export const KATO_DEFECT_CODES = ['katoFormat', 'katoRegion'] as const;

/** Why {@link IsKatoCode} refused a value: not 9 digits, or a prefix that is no region's. */
export function katoDefect(value: unknown): ConstraintContext {
  return typeof value === 'string' && KATO_CODE.test(value)
    ? { code: 'katoRegion', params: { prefix: value.slice(0, 2) } }
    : { code: 'katoFormat' };
}

/** class-validator rule: 9 digits whose first two are a known region's КАТО prefix. */
export function IsKatoCode(validationOptions?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol): void => {
    registerDecorator({
      name: 'isKatoCode',
      target: target.constructor,
      propertyName: String(propertyName),
      options: validationOptions,
      validator: {
        validate: isKatoCode,
        defaultMessage(args: ValidationArguments): string {
          const value: unknown = args.value;
          if (typeof value !== 'string' || !KATO_CODE.test(value)) {
            return `${args.property} must be a КАТО code of 9 digits`;
          }
          return `${args.property} must start with a known region's КАТО prefix (${value.slice(0, 2)} is not one)`;
        },
      },
    });
  };
}
