/** Values a localised message quotes: a limit, a list of allowed values. Never what the client sent. */
export type FieldErrorParams = Readonly<Record<string, string | number>>;

/** One failed rule, in a shape that fits a 4xx body, a dead-letter header and a log line alike. */
export interface FieldError {
  /** Dotted path from the validated object: `citizen.iin`, `attachments.0.sha256`; '' for the whole value. */
  field: string;
  /** The constraint's message, e.g. "iin check digit is wrong". English, and stable for clients that read it. */
  reason: string;
  /**
   * Which rule failed, stable for machines and the key of the localised message: class-validator's
   * constraint name (`isLength`), or a finer one where one constraint covers several defects
   * (`iinCheckDigit`) or one pattern says something specific (`sha256Hex`).
   */
  code?: string;
  /** The rule's values that its message quotes, e.g. `{ min: 1, max: 300 }`. */
  params?: FieldErrorParams;
}

/**
 * What a decorator may put in class-validator's `context` option to name its failure more precisely than
 * the constraint does: `@Matches(SHA256_HEX, { message: '…', context: { code: 'sha256Hex' } })`.
 */
export interface ConstraintContext {
  code: string;
  params?: FieldErrorParams;
}
