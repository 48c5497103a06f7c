/** Errors the CLI reports to the user: a stable code, a Chinese message, exit code 2. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Exit codes: 0 done, 1 the input has error findings (audit), 2 bad input or usage. */
export const EXIT_BAD_INPUT = 2;
