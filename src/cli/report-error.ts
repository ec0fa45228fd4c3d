import { isUserError } from '../core/errors.js';
import { packageVersion } from './version.js';

/** Prints an error the way the CLI promises: the user's mistakes plainly (exit 2), bugs with stack (exit 3). */
export function reportError(e: unknown, stderr: (s: string) => void): number {
  if (isUserError(e)) {
    stderr(`${e.message}\n`);
    return e.exitCode;
  }
  const stack = e instanceof Error ? (e.stack ?? e.message) : String(e);
  stderr(
    `gen-supervisor ${packageVersion()}: internal error (a bug; please report it with this text)\n${stack}\n`,
  );
  return 3;
}
