/** Machine-readable reasons a calendar function rejects its input. */
export type CalendarErrorCode =
  | 'INVALID_DATE'
  | 'INVALID_COUNT'
  | 'INVALID_YEAR'
  | 'OUT_OF_RANGE'
  | 'INVALID_INSTANT'
  | 'INVALID_CUTOFF'
  | 'INVALID_TABLE';

/** Error thrown by the working-day calendar on bad input; `code` says why (messages are English, for logs). */
export class CalendarError extends RangeError {
  /** Why the input was rejected. */
  readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
  }
}
