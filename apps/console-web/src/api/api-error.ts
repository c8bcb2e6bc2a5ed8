/** One refused field as the API names it, with the message already in the language the request asked for. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * A refusal of the console's API: its HTTP status, the machine code (`stale-version`, `invalid-request`, …),
 * the message in the caller's language, and the fields it names. Screens show `fieldErrors` next to their fields.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: readonly FieldProblem[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one field (`text`, `dueAt`, `citizen.iin`), if the API named it. */
  messageFor(field: string): string | undefined {
    return this.fieldErrors.find((error) => error.field === field)?.message;
  }

  static async of(response: Response): Promise<ApiError> {
    const body = ((await response.json().catch(() => null)) ?? {}) as Record<string, unknown>;
    const retryAfter = Number(response.headers.get('retry-after'));
    return new ApiError(
      response.status,
      typeof body.code === 'string' ? body.code : `http-${response.status}`,
      typeof body.message === 'string' ? body.message : response.statusText,
      Array.isArray(body.fieldErrors) ? (body.fieldErrors as FieldProblem[]) : [],
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
}
