// Child logs as supervisord keeps them: AUTO files made once in childlogdir (mkstemp, 0600),
// files opened by supervisord itself (so `user=` never applies to them) in append mode, NONE
// read and discarded, and every pipe read written whole, synchronously, then rotated.
import { closeSync, openSync, readdirSync, unlinkSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { LogSpec, ResolvedProcess } from '../../config/types.js';
import { RotatingFile } from './rotating-file.js';
import { outputDebugMessage, stripAnsi } from './output-text.js';

export type Channel = 'stdout' | 'stderr';

// Python's tempfile._RandomNameSequence alphabet
const RANDOM_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_';

const randomName = (): string =>
  Array.from({ length: 8 }, () => RANDOM_CHARS[randomInt(RANDOM_CHARS.length)]).join('');

/**
 * options.get_autochildlog_name: creates (O_EXCL, mode 0600) and returns
 * `CHILDLOGDIR/<name>-<channel>---<identifier>-<8 random chars>.log`.
 */
export function createAutoChildLog(childlogdir: string, processName: string, channel: Channel, identifier: string): string {
  const prefix = `${processName}-${channel}---${identifier}-`;
  for (let attempt = 0; ; attempt++) {
    const path = join(childlogdir, `${prefix}${randomName()}.log`);
    try {
      closeSync(openSync(path, 'wx', 0o600));
      return path;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 10000) throw e;
    }
  }
}

/** The file names supervisord's startup cleanup removes (re.match, so anchored at the start). */
export function autoChildLogPattern(identifier: string): RegExp {
  // supervisord pastes the identifier into the pattern unescaped
  try {
    return new RegExp(`^.+?---${identifier}-\\S+\\.log\\.{0,1}\\d{0,4}`);
  } catch {
    return new RegExp(`^.+?---${identifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}-\\S+\\.log\\.{0,1}\\d{0,4}`);
  }
}

/**
 * options.clear_autochildlogdir (skipped by supervisord with `nocleanup`). Returns what it
 * removed and what it could not (`Failed to clean up '...'` WARN lines); `unreadable` is the
 * `Could not clear childlog dir` case.
 */
export function clearAutoChildLogs(childlogdir: string, identifier: string): { removed: string[]; failed: string[]; unreadable: boolean } {
  const removed: string[] = [];
  const failed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(childlogdir);
  } catch {
    return { removed, failed, unreadable: true };
  }
  const re = autoChildLogPattern(identifier);
  for (const name of names) {
    if (!re.test(name)) continue;
    const path = join(childlogdir, name);
    try {
      unlinkSync(path);
      removed.push(path);
    } catch {
      failed.push(path);
    }
  }
  return { removed, failed, unreadable: false };
}

/**
 * ProcessConfig.create_autochildlogs + path resolution: the file each channel logs to, or null
 * (NONE, or stderr with redirect_stderr). AUTO files are created here, so call this once per
 * process per run (supervisord does it when the group is created), not at every spawn.
 */
export function childLogPaths(
  proc: Pick<ResolvedProcess, 'name' | 'stdout' | 'stderr' | 'redirectStderr'>,
  ctx: { childlogdir: string; identifier: string; cwd: string },
): { stdout: string | null; stderr: string | null } {
  const one = (spec: LogSpec, channel: Channel): string | null => {
    if (spec.file === null) return null;
    if (spec.file === 'AUTO') return createAutoChildLog(resolve(ctx.cwd, ctx.childlogdir), proc.name, channel, ctx.identifier);
    return resolve(ctx.cwd, spec.file);
  };
  return {
    stdout: one(proc.stdout, 'stdout'),
    stderr: proc.redirectStderr ? null : one(proc.stderr, 'stderr'),
  };
}

export interface ChildLogs {
  stdout: RotatingFile | null;
  stderr: RotatingFile | null;
  close(): void;
  reopen(): void;
}

/** errno.errorcode's name for a node error (node already uses the C names). */
const errnoName = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

/**
 * Opens both logs for one spawn, as make_dispatchers does. A failure is supervisord's spawnerr:
 * `too many open files to spawn 'NAME'` (EMFILE) or
 * `unknown error making dispatchers for 'NAME': ENOENT`.
 */
export function openChildLogs(
  proc: Pick<ResolvedProcess, 'name' | 'stdout' | 'stderr'>,
  paths: { stdout: string | null; stderr: string | null },
): { ok: true; logs: ChildLogs } | { ok: false; message: string } {
  const opened: RotatingFile[] = [];
  const open = (path: string | null, spec: LogSpec): RotatingFile | null => {
    if (path === null) return null;
    const f = new RotatingFile(path, { maxbytes: spec.maxbytes, backups: spec.backups });
    opened.push(f);
    return f;
  };
  try {
    const stdout = open(paths.stdout, proc.stdout);
    const stderr = open(paths.stderr, proc.stderr);
    return {
      ok: true,
      logs: {
        stdout,
        stderr,
        close: () => opened.forEach((f) => f.close()),
        reopen: () => opened.forEach((f) => f.reopen()),
      },
    };
  } catch (e) {
    opened.forEach((f) => f.close());
    const code = errnoName(e);
    const message = code === 'EMFILE'
      ? `too many open files to spawn '${proc.name}'`
      : `unknown error making dispatchers for '${proc.name}': ${code}`;
    return { ok: false, message };
  }
}

export interface OutputRecorderOptions {
  processName: string;
  channel: Channel;
  /** null: NONE, the data is read and dropped. */
  file: RotatingFile | null;
  /** `[supervisord] strip_ansi` */
  stripAnsi: boolean;
  /** Given when loglevel is debug or lower: receives the DEBG copy (`'NAME' stdout output:\n...`). */
  debug?: (message: string) => void;
  /** Errors writing the file (disk full...): supervisord prints them and carries on. */
  onError?: (error: unknown) => void;
}

/**
 * POutputDispatcher._log for one channel (capture mode and events are not handled): returns the
 * function to call with each chunk a pipe read delivered.
 */
export function outputRecorder(options: OutputRecorderOptions): (chunk: Uint8Array) => void {
  return (chunk) => {
    if (chunk.length === 0) return;
    const data = options.stripAnsi ? stripAnsi(chunk) : chunk;
    if (options.file) {
      try {
        options.file.write(data);
      } catch (e) {
        options.onError?.(e);
      }
    }
    options.debug?.(outputDebugMessage(options.processName, options.channel, data));
  };
}
