// The Child the runner holds: a spawned process's events delivered to the options' callbacks,
// and its stdin and output pipes.
import type { ChildProcess } from 'node:child_process';
import type { Child, StartChildOptions } from './child-types.js';
import type { Io } from './piped-spawn.js';

/** `failure`: a stand-in's text (it may be filled in later); its stdin is not the program's. */
export function childHandle(cp: ChildProcess, io: Io, failure: { text: string } | null, opts: StartChildOptions): Child {
  const outputs = io.stderr ? [io.stdout, io.stderr] : [io.stdout];
  let open = outputs.length;
  const ended = () => {
    if (--open === 0) opts.onOutputEnd?.();
  };
  io.stdout.on('data', (c: Buffer) => opts.onStdout(c));
  io.stderr?.on('data', (c: Buffer) => (opts.redirectStderr ? opts.onStdout(c) : opts.onStderr(c)));
  for (const s of outputs) {
    s.once('close', ended);
    s.on('error', () => undefined);
  }
  io.stdin.on('error', () => undefined); // EPIPE once the child is gone
  cp.once('exit', (code, signal) => {
    // supervisord closes its end of the stdin pipe when the process is gone (node does this
    // itself for its own stdio, not for adopted fds)
    io.stdin.destroy();
    opts.onExit(signal !== null ? { signal } : { code: code ?? 0 });
  });
  return {
    pid: cp.pid!,
    get failure() {
      return failure ? failure.text : null;
    },
    writeStdin: (data) => failure === null && !io.stdin.destroyed && io.stdin.write(data),
    closeStdin: () => {
      if (failure === null) io.stdin.end();
    },
    closeOutput: () => {
      for (const s of outputs) s.destroy();
    },
  };
}
