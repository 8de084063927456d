import { ConfigurationError } from '@libs/platform';
import { CommandFailure, ExitCode } from './exit-codes';

/**
 * Runs a command's main function and exits with its code. Expected failures print their message only;
 * anything else is a bug and prints its stack.
 */
export function runCommand(main: () => Promise<ExitCode>): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof CommandFailure) {
        process.stderr.write(`${error.message}\n`);
        process.exit(error.exitCode);
      }
      if (error instanceof ConfigurationError) {
        process.stderr.write(`${error.message}\n`);
        process.exit(ExitCode.badConfig);
      }
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(ExitCode.failed);
    },
  );
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
