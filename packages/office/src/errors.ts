/** An import that cannot go on: a stable code, a Chinese message naming what was found, details for logs. */
export class ImportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** An export that cannot be made (no LibreOffice for a PDF, a conversion that failed or timed out). */
export class ExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
