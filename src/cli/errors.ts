/** Exit codes, documented in the README. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  internal: 3,
  /** Standard output was closed by its reader (`klar check … | head`): 128 + SIGPIPE, as a shell shows it. */
  closedOutput: 141,
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
