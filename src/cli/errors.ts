/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  internal: 3,
} as const;

/** An error meant for the user: one line that says what is wrong and what to do. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
  }
}
