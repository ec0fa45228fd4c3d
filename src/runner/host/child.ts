// Starting a child the way supervisord's _spawn_as_child does, with node's child_process. How
// each step maps (and where node cannot match supervisord exactly); the process group, pipes and
// redirect_stderr are in piped-spawn.ts, setup failures in stand-in.ts:
//
// - No shell. The last steps run in the child through a tiny perl exec shim (exec-shim.ts):
//   SIGPIPE and SIGXFSZ ignored and every other disposition default, nothing blocked (libuv
//   resets them all; Python's supervisord leaves those two ignored); fds >= 3 closed (libuv
//   leaves the runner's own inherited non-close-on-exec fds open); the switch of user with the
//   user's supplementary groups; chdir; umask; then execve of the file with argv[0] as written
//   and the environment exactly as given. Its failures write supervisord's own lines and exit
//   127. Measured cost (200 `sleep 1000` children on a loaded 2-core machine, median of 4):
//   about 4.0 ms per spawn before, 4.4 ms after, runner CPU +0.13 ms per spawn (the fork in
//   node dominates; perl's 3 ms of start-up run in the child, in parallel).
// - Without perl (no /usr/bin/perl or /bin/perl) the program is spawned directly with libuv's
//   defaults: signals all default, inherited fds leak, stdio are AF_UNIX socketpairs (ENXIO on
//   open("/dev/stdout")), separate stdout and stderr sockets both delivered to onStdout under
//   redirect_stderr, no supplementary groups (libuv's setgroups(0)) and chdir before the switch
//   of user; the umask is set in this process around the (synchronous) fork, or, where it cannot
//   be changed (a worker thread), through `/bin/sh -c 'umask "$0" && exec "$@"'` (argv[0] then
//   becomes the resolved file).
import type { SpawnOptions } from 'node:child_process';
import { resolve } from 'node:path';
import { childHandle } from './child-handle.js';
import type { StartChildOptions, StartResult } from './child-types.js';
import { chdirError, execProblem } from './exec-check.js';
import { shimArgs, shimInterpreter } from './exec-shim.js';
import { detachedOptions, spawnPiped, type Spawned } from './piped-spawn.js';
import { childFailureText, lateStandIn, standIn } from './stand-in.js';
import { setuidProblem } from './user-switch.js';

export type { Child, StartChildOptions, StartResult } from './child-types.js';
export { childFailureText } from './stand-in.js';
export { signalChild, type SignalResult } from './signal-child.js';

/** Runs fn with this process's umask set to `mask`; false if the umask cannot be changed here. */
function withUmask(mask: number, fn: () => void): boolean {
  let old: number;
  try {
    old = process.umask(mask);
  } catch {
    return false;
  }
  try {
    fn();
  } finally {
    process.umask(old);
  }
  return true;
}

/**
 * Forks and execs the prepared command as supervisord's _spawn_as_child would. `name` is the
 * process name, used in the spawnerr text if even a stand-in cannot be forked.
 * Never throws for the child's own failures; `{ok: false}` only when no process could be made.
 */
export function startChild(name: string, opts: StartChildOptions): StartResult {
  // supervisord's order in the child: setuid, environment, chdir, umask, execve
  const user = setuidProblem(opts.uid);
  if (user.message) return standIn(childFailureText(user.message), opts, name);
  if (opts.directory !== null) {
    const code = chdirError(opts.directory);
    if (code) return standIn(childFailureText(`couldn't chdir to ${opts.directory}: ${code}`), opts, name);
  }
  // a name without `/` (from an empty PATH entry) is relative to the directory, not a search
  const file = opts.file.includes('/') ? opts.file : `./${opts.file}`;
  const ownCwd = opts.cwd ?? process.cwd();
  const cwd = opts.directory ?? ownCwd;
  const problem = execProblem(resolve(cwd, file), cwd);
  if (problem) return standIn(childFailureText(`couldn't exec ${opts.argv[0]}: ${problem}`), opts, name);

  const shim = shimInterpreter();
  let made: Spawned | undefined;
  let thrown: string | null = null;
  const launch = (f: string, args: string[], options: SpawnOptions, libuvSetsIds = true) => {
    if (user.ids && libuvSetsIds) Object.assign(options, { uid: user.ids.uid, gid: user.ids.gid });
    try {
      made = spawnPiped(f, args, options, opts.redirectStderr);
    } catch (e) {
      thrown = (e as NodeJS.ErrnoException).code ?? 'EIO';
    }
  };
  if (shim !== null) {
    // chdir (after libuv's setuid), umask and exec happen in the shim, with its own failure text
    // and the switch of user too: libuv would clear the supplementary groups
    const req = { file, argv: opts.argv, env: opts.env, directory: opts.directory, umask: opts.umask, ids: user.ids ?? null };
    launch(shim, shimArgs(req), { ...detachedOptions({}), argv0: 'perl', cwd: ownCwd }, false);
  } else {
    const direct = (): SpawnOptions => ({ ...detachedOptions(opts.env), argv0: opts.argv[0]!, cwd });
    const args = opts.argv.slice(1);
    if (opts.umask === null) launch(file, args, direct());
    else if (!withUmask(opts.umask, () => launch(file, args, direct()))) {
      const options = direct();
      delete options.argv0;
      launch('/bin/sh', ['-c', 'umask "$0" && exec "$@"', opts.umask.toString(8).padStart(3, '0'), file, ...args], options);
    }
  }
  if (thrown !== null || made === undefined) {
    return standIn(childFailureText(`couldn't exec ${opts.argv[0]}: ${thrown ?? 'EIO'}`), opts, name);
  }
  const real: Spawned = made;
  if (real.io === null) return lateStandIn(real.cp, opts, name);
  real.cp.on('error', () => undefined);
  return { ok: true, child: childHandle(real.cp, real.io, null, opts) };
}
