import { ERROR_CODES, type ErrorCode } from '@heza/shared';

/** A problem with one field of the input: `field` is a dotted path, `message` already localised or a key. */
export interface FieldProblem {
  field: string;
  message: string;
  /** Spreadsheet imports: the 1-based row. */
  row?: number;
}

/**
 * The one error type of the server. `code` is stable and maps to the HTTP status; `params` fill the
 * message template; `details` go to the client as they are (never put internals there).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, unknown>;
  readonly details: unknown;

  constructor(
    code: ErrorCode,
    opts: { params?: Record<string, unknown>; details?: unknown; cause?: unknown } = {},
  ) {
    super(code, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code];
    this.params = opts.params ?? {};
    this.details = opts.details;
  }
}

/** Shorthand for a validation failure naming its fields. */
export function validationError(problems: FieldProblem[]): AppError {
  return new AppError('VALIDATION_FAILED', { details: problems });
}

/** Shorthand for "entity not found"; `entity` is a Vietnamese/English label pair. */
export function notFound(entity: { vi: string; en: string }): AppError {
  return new AppError('NOT_FOUND', { params: { entity } });
}
