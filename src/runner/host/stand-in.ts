// Failures supervisord's forked child reports itself (couldn't setuid/chdir/exec: text on the
// child's stderr, exit 127) are detected before the fork where possible, and a stand-in child
// (`/bin/sh` writing the same lines and exiting 127) is started in the real one's place: it has
// a pid, its text goes through the same stderr pipe to the same log, and its exit is an ordinary
// exit, exactly what supervisord's own failed child looks like from outside. The exec shim
// reports the rest (e.g. EACCES from execve) the same way from the real child.
import type { ChildProcess } from 'node:child_process';
import { childHandle } from './child-handle.js';
import type { StartChildOptions, StartResult } from './child-types.js';
import { detachedOptions, spawnPiped, type Io, type Spawned } from './piped-spawn.js';

const NOT_SPAWNED = 'supervisor: child process was not spawned\n';

/** The text supervisord's child writes to fd 2 for a setup failure. */
export const childFailureText = (what: string): string => `supervisor: ${what}\n${NOT_SPAWNED}`;

/** Not even a stand-in could be forked: the spawn error supervisord logs. */
export const forkFailed = (name: string): StartResult => ({ ok: false, message: `unknown error during fork for '${name}'` });

/**
 * A stand-in that writes the text (given now, or later through its stdin) to its stderr and
 * exits 127. Null if even /bin/sh cannot be forked.
 */
function spawnStandIn(text: string | null, shareStdout: boolean): { cp: ChildProcess; io: Io } | null {
  const args = text === null ? ['-c', 'cat >&2; exit 127'] : ['-c', 'printf "%s" "$1" >&2; exit 127', 'sh', text];
  let made: Spawned;
  try {
    made = spawnPiped('/bin/sh', args, detachedOptions({ PATH: '/usr/bin:/bin' }), shareStdout);
  } catch {
    return null;
  }
  made.cp.on('error', () => undefined);
  if (made.io === null) return null;
  if (text !== null) made.io.stdin.end();
  return { cp: made.cp, io: made.io };
}

/** A stand-in for `name`'s child, whose setup failure is already known: it writes `text`. */
export function standIn(text: string, opts: StartChildOptions, name: string): StartResult {
  const made = spawnStandIn(text, opts.redirectStderr);
  return made ? { ok: true, child: childHandle(made.cp, made.io, { text }, opts) } : forkFailed(name);
}

/**
 * A stand-in for a child node could not start: node reports why (ENOENT: e.g. a missing #!
 * interpreter; EACCES) a tick later, so the stand-in gets its text through its stdin once the
 * code is known.
 */
export function lateStandIn(failed: ChildProcess, opts: StartChildOptions, name: string): StartResult {
  const sub = spawnStandIn(null, opts.redirectStderr);
  if (!sub) return forkFailed(name);
  const failure = { text: NOT_SPAWNED };
  failed.once('error', (e: NodeJS.ErrnoException) => {
    failure.text = childFailureText(`couldn't exec ${opts.argv[0]}: ${e.code ?? 'EIO'}`);
    sub.io.stdin.end(failure.text);
  });
  return { ok: true, child: childHandle(sub.cp, sub.io, failure, opts) };
}
