/** One failed rule, in a shape that fits a 4xx body, a dead-letter header and a log line alike. */
export interface FieldError {
  /** Dotted path from the validated object: `citizen.iin`, `attachments.0.sha256`; '' for the whole value. */
  field: string;
  /** The constraint's message, e.g. "iin check digit is wrong". */
  reason: string;
}
