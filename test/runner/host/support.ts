// Starting a child in the host tests and collecting what it does (child.test.ts, inherit.test.ts).
import assert from 'node:assert/strict';
import { startChild, type Child, type StartChildOptions } from '../../../src/runner/host/child.js';
import type { ExitStatus } from '../../../src/runner/machine/types.js';

export interface Run {
  child: Child;
  out: () => string;
  err: () => string;
  /** exit status, once the output pipes are closed too */
  done: Promise<ExitStatus>;
}

/** startChild with a minimal environment and no setup, unless `over` says otherwise. */
export function run(file: string, argv: string[], over: Partial<StartChildOptions> = {}): Run {
  let out = '';
  let err = '';
  let exit: ExitStatus | undefined;
  let finish: (s: ExitStatus) => void = () => undefined;
  let outputDone = false;
  const done = new Promise<ExitStatus>((res) => (finish = res));
  const check = () => {
    if (exit && outputDone) finish(exit);
  };
  const r = startChild('t', {
    file, argv, env: { PATH: '/usr/bin:/bin' }, directory: null, umask: null, uid: null, redirectStderr: false,
    onStdout: (c) => (out += c.toString()),
    onStderr: (c) => (err += c.toString()),
    onExit: (s) => {
      exit = s;
      check();
    },
    onOutputEnd: () => {
      outputDone = true;
      check();
    },
    ...over,
  });
  assert.ok(r.ok, JSON.stringify(r));
  return { child: r.child, out: () => out, err: () => err, done };
}

/** Polls `cond` every 10 ms; throws after `ms`. */
export const waitFor = async (cond: () => boolean, ms = 5000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};
