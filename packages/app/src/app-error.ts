/**
 * What a use case refuses, as a value with a stable code: the server maps codes to HTTP statuses in
 * one place (server/src/errors.ts), the CLI prints the message and exits 2.
 */
export type AppErrorCode =
  | 'STORE.NOT_FOUND'
  | 'AUTH.FORBIDDEN'
  | 'WORKFLOW.NOT_YOURS'
  | 'WORKFLOW.READ_ONLY'
  | 'WORKFLOW.NOT_ALLOWED'
  | 'WORKFLOW.COMMENT_REQUIRED'
  | 'WORKFLOW.BLOCKED'
  | 'FORM.NO_PREVIOUS_YEAR'
  | 'FORM.DUPLICATE_INDICATOR_ID'
  | 'REVIEW.BAD_INDICATOR'
  | 'REVIEW.BAD_SCORE'
  | 'FORM.BAD_INPUT'
  | 'FORM.WRONG_KIND'
  | 'FORM.NO_SOURCE'
  | 'FORM.SOURCE_NOT_READY'
  | 'GOAL.APPROVED_FROZEN';

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
