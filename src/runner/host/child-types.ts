// What starting a child takes and gives (child.ts starts it).
import type { ExitStatus } from '../machine/types.js';

export interface StartChildOptions {
  /** `file` and `argv` from prepareSpawn. */
  file: string;
  argv: string[];
  env: Record<string, string>;
  directory: string | null;
  /** supervisord's working directory, the child's when `directory` is null (default: process.cwd()). */
  cwd?: string;
  umask: number | null;
  /** ResolvedProcess.uid (user= resolved); null: run as this process's user. */
  uid: number | null;
  redirectStderr: boolean;
  /** Each chunk a pipe read delivered (stderr too, with redirectStderr). */
  onStdout(chunk: Buffer): void;
  onStderr(chunk: Buffer): void;
  /** The child was reaped (its pipes may still be open in grandchildren). */
  onExit(status: ExitStatus): void;
  /** Both output pipes reached EOF (or were closed by closeOutput). */
  onOutputEnd?(): void;
}

export interface Child {
  readonly pid: number;
  /**
   * Set when a stand-in runs instead of the program because the child's setup fails as
   * supervisord's would: the text it writes to the stderr pipe before exiting 127
   * (`supervisor: couldn't chdir to /x: ENOENT\nsupervisor: child process was not spawned\n`).
   */
  readonly failure: string | null;
  /** Writes to the child's stdin; false when it cannot take more now (or is closed). */
  writeStdin(data: string | Uint8Array): boolean;
  closeStdin(): void;
  /** Stops reading the output pipes (a grandchild may hold them open after the exit). */
  closeOutput(): void;
}

export type StartResult = { ok: true; child: Child } | { ok: false; message: string };
