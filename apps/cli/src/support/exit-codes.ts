/**
 * Exit codes of the operator commands. The non-zero ones beyond 1 follow BSD sysexits(3), as the app's own
 * start does for configuration errors (78), so scripts can tell "fix your input" from "try again later".
 */
export const ExitCode = {
  ok: 0,
  /** The work failed or was partly refused: a store or the app could not be reached, rows were refused. */
  failed: 1,
  /** Wrong flags or arguments. */
  usage: 64,
  /** The input file cannot be read or is not in the expected shape; nothing was written. */
  badInput: 65,
  /** Someone else is doing the same work right now (e.g. another worker holds the sweep lease); try again later. */
  tryLater: 75,
  /** An environment variable is wrong; the message names it. */
  badConfig: 78,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure that ends the command with a message for the operator and an exit code, never a stack trace. */
export class CommandFailure extends Error {
  override readonly name = 'CommandFailure';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}
