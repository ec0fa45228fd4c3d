import { type Diagnostic, formatLocated } from './diagnostic.js';

/**
 * The user's mistake (bad flags, unreadable or invalid input). The CLI prints its message and
 * exits 2; anything that is not a UserError is a bug (exit 3).
 */
export class UserError extends Error {
  readonly diagnostics: Diagnostic[];
  readonly exitCode: number;
  constructor(message: string, diagnostics: Diagnostic[] = [], exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.diagnostics = diagnostics;
    this.exitCode = exitCode;
  }

  /** A UserError whose message lists every diagnostic as `file:line:col: message`. */
  static fromDiagnostics(diagnostics: Diagnostic[]): UserError {
    return new UserError(diagnostics.map(formatLocated).join('\n'), diagnostics);
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}
