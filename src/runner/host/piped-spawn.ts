// spawn() as supervisord forks its children, as far as node allows:
//
// - Own process group: `detached: true` makes libuv call setsid() in the child, so pgid == pid as
//   with supervisord's setpgrp(). The child also leads a new session with no controlling
//   terminal (supervisord's children stay in supervisord's session): opening /dev/tty fails,
//   and terminal signals could not reach them in either case.
// - Pipes: real anonymous pipes on fds 0, 1, 2 (anon-pipes.ts), as supervisord's os.pipe():
//   /dev/stdout can be reopened, `readlink /proc/self/fd/1` is `pipe:[N]`. The runner keeps the
//   stdin pipe's write end open until the child exits.
// - redirect_stderr: fds 1 and 2 are the same pipe, as under supervisord.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { closeQuietly, takePipes, type PipeEnds } from './anon-pipes.js';

/** The runner's side of a child's stdio. */
export interface Io {
  stdin: Writable;
  stdout: Readable;
  /** null: fd 2 is the stdout pipe (redirect_stderr with real pipes). */
  stderr: Readable | null;
}

/** A spawned process and its stdio; `io` null when node could not start it (its error follows). */
export interface Spawned {
  cp: ChildProcess;
  io: Io | null;
}

/** The options every child is spawned with: its own process group and session. */
export const detachedOptions = (env: Record<string, string>): SpawnOptions => ({
  detached: true,
  env,
});

/**
 * spawn() with real pipes on fds 0, 1, 2 (fd 2 the stdout pipe when `shareStdout`), or libuv's
 * socketpairs when real pipes cannot be had. Throws what spawn throws.
 */
export function spawnPiped(file: string, args: string[], options: SpawnOptions, shareStdout: boolean): Spawned {
  const pipes = takePipes(shareStdout ? 2 : 3);
  if (pipes === null) {
    const cp = spawn(file, args, { ...options, stdio: ['pipe', 'pipe', 'pipe'] });
    return { cp, io: cp.pid === undefined ? null : { stdin: cp.stdin!, stdout: cp.stdout!, stderr: cp.stderr! } };
  }
  const [input, output, error] = pipes as [PipeEnds, PipeEnds, PipeEnds | undefined];
  const childEnds = [input.rd, output.wr, (error ?? output).wr];
  const ours = [input.wr, output.rd, ...(error ? [error.rd] : [])];
  let cp: ChildProcess;
  try {
    cp = spawn(file, args, { ...options, stdio: childEnds });
  } catch (e) {
    for (const fd of [...childEnds, ...ours]) closeQuietly(fd);
    throw e;
  } finally {
    // the child has its copies now (on fds 0, 1, 2); ours are close-on-exec
    for (const fd of new Set(childEnds)) closeQuietly(fd);
  }
  if (cp.pid === undefined) {
    for (const fd of ours) closeQuietly(fd);
    return { cp, io: null };
  }
  const reader = (fd: number) => new Socket({ fd, readable: true, writable: false });
  return {
    cp,
    io: {
      stdin: new Socket({ fd: input.wr, readable: false, writable: true }),
      stdout: reader(output.rd),
      stderr: error ? reader(error.rd) : null,
    },
  };
}
