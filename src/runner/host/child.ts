// Starting a child the way supervisord's _spawn_as_child does, with node's child_process, and
// signalling it. How each step maps (and where node cannot match supervisord exactly):
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
// - Own process group: `detached: true` makes libuv call setsid() in the child, so pgid == pid as
//   with supervisord's setpgrp(). The child also leads a new session with no controlling
//   terminal (supervisord's children stay in supervisord's session): opening /dev/tty fails,
//   and terminal signals could not reach them in either case.
// - Pipes: real anonymous pipes on fds 0, 1, 2 (anon-pipes.ts), as supervisord's os.pipe():
//   /dev/stdout can be reopened, `readlink /proc/self/fd/1` is `pipe:[N]`. The runner keeps the
//   stdin pipe's write end open until the child exits.
// - redirect_stderr: fds 1 and 2 are the same pipe, as under supervisord.
// - Without perl (no /usr/bin/perl or /bin/perl) the program is spawned directly with libuv's
//   defaults: signals all default, inherited fds leak, stdio are AF_UNIX socketpairs (ENXIO on
//   open("/dev/stdout")), separate stdout and stderr sockets both delivered to onStdout under
//   redirect_stderr, no supplementary groups (libuv's setgroups(0)) and chdir before the switch
//   of user; the umask is set in this process around the (synchronous) fork, or, where it cannot
//   be changed (a worker thread), through `/bin/sh -c 'umask "$0" && exec "$@"'` (argv[0] then
//   becomes the resolved file).
// - Failures supervisord's forked child reports itself (couldn't setuid/chdir/exec: text on the
//   child's stderr, exit 127) are detected before the fork where possible, and a stand-in child
//   (`/bin/sh` writing the same lines and exiting 127) is started in the real one's place: it
//   has a pid, its text goes through the same stderr pipe to the same log, and its exit is an
//   ordinary exit, exactly what supervisord's own failed child looks like from outside. The
//   shim reports the rest (e.g. EACCES from execve) the same way from the real child.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { Socket } from 'node:net';
import { resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { takePipes, type PipeEnds } from './anon-pipes.js';
import { shimArgs, shimInterpreter } from './exec-shim.js';
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

const NOT_SPAWNED = 'supervisor: child process was not spawned\n';

/** The text supervisord's child writes to fd 2 for a setup failure. */
export const childFailureText = (what: string): string => `supervisor: ${what}\n${NOT_SPAWNED}`;

let binfmtMiscInUse: boolean | undefined;

/** Registered binfmt_misc handlers run files the kernel would otherwise refuse. */
function binfmtMisc(): boolean {
  if (binfmtMiscInUse === undefined) {
    try {
      binfmtMiscInUse = readdirSync('/proc/sys/fs/binfmt_misc').some((n) => n !== 'register' && n !== 'status');
    } catch {
      binfmtMiscInUse = false;
    }
  }
  return binfmtMiscInUse;
}

/**
 * What execve(path) would fail with that node (or the shim) would not report as supervisord does,
 * or null: ENOEXEC (libuv and perl use execvp, which runs a file without `#!` or an ELF header
 * through /bin/sh, where supervisord's execve fails), and ENOENT for a `#!` interpreter that is
 * missing (known before the fork, so the failure is the stand-in's, as it has always been).
 */
function execProblem(path: string, cwd: string): 'ENOEXEC' | 'ENOENT' | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null; // unreadable (x-only): the kernel decides
  }
  try {
    const head = Buffer.alloc(256);
    const n = readSync(fd, head, 0, head.length, 0);
    if (n >= 2 && head[0] === 0x23 && head[1] === 0x21) {
      const text = head.subarray(2, n).toString('latin1');
      const nl = text.indexOf('\n');
      if (nl === -1 && n === head.length) return null; // a long line: the kernel decides
      const interp = /^[ \t]*([^ \t\n]+)/.exec(nl === -1 ? text : text.slice(0, nl))?.[1];
      if (interp === undefined) return null;
      try {
        statSync(resolve(cwd, interp));
        return null;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'ENOENT' : null;
      }
    }
    if (n >= 4 && head.subarray(0, 4).equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return null;
    return binfmtMisc() ? null : 'ENOEXEC';
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** What chdir(dir) would fail with, or null. */
function chdirError(dir: string): string | null {
  try {
    return statSync(dir).isDirectory() ? null : 'ENOTDIR';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? 'EIO';
  }
}

interface PasswdEntry {
  name: string;
  gid: number;
}

const passwdCache = new Map<number, PasswdEntry | null>();

/** pwd.getpwuid(uid) from /etc/passwd (name and primary gid); null when the uid has no entry. */
function passwdEntry(uid: number): PasswdEntry | null {
  if (passwdCache.has(uid)) return passwdCache.get(uid)!;
  let entry: PasswdEntry | null = null;
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f.length >= 4 && Number(f[2]) === uid && f[2] !== '') {
        entry = { name: f[0]!, gid: Number(f[3]) };
        break;
      }
    }
  } catch {
    entry = null;
  }
  passwdCache.set(uid, entry);
  return entry;
}

/**
 * drop_privileges' setgroups list: the primary gid first, then every group of /etc/group that
 * names the user as a member (grp.getgrall order).
 */
function userGroups(entry: PasswdEntry): number[] {
  const groups = [entry.gid];
  try {
    for (const line of readFileSync('/etc/group', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f.length >= 4 && f[2] !== '' && f[3]!.split(',').includes(entry.name)) groups.push(Number(f[2]));
    }
  } catch {
    // only the primary group
  }
  return groups;
}

/** drop_privileges' refusal, before anything else in the child, or null to go on. */
function setuidProblem(uid: number | null): { message: string | null; ids?: { uid: number; gid: number; groups: number[] } } {
  if (uid === null || typeof process.getuid !== 'function') return { message: null };
  const me = process.getuid();
  if (uid === me) return { message: null };
  const entry = passwdEntry(uid);
  if (entry === null) return { message: `couldn't setuid to ${uid}: Can't find uid ${uid}` };
  if (me !== 0) return { message: `couldn't setuid to ${uid}: Can't drop privilege as nonroot user` };
  return { message: null, ids: { uid, gid: entry.gid, groups: userGroups(entry) } };
}

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

/** The runner's side of a child's stdio. */
interface Io {
  stdin: Writable;
  stdout: Readable;
  /** null: fd 2 is the stdout pipe (redirect_stderr with real pipes). */
  stderr: Readable | null;
}

function wrap(cp: ChildProcess, io: Io, failure: { text: string } | null, opts: StartChildOptions): Child {
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

const baseOptions = (env: Record<string, string>): SpawnOptions => ({
  detached: true,
  env,
});

/**
 * spawn() with real pipes on fds 0, 1, 2 (fd 2 the stdout pipe when `shareStdout`), or libuv's
 * socketpairs when real pipes cannot be had. Throws what spawn throws.
 */
function spawnPiped(file: string, args: string[], options: SpawnOptions, shareStdout: boolean): { cp: ChildProcess; io: Io | null } {
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

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // already closed
  }
}

/**
 * A stand-in for a child whose setup fails: writes the text (given now, or later through its
 * stdin) to its stderr and exits 127. Null if even /bin/sh cannot be forked.
 */
function spawnStandIn(text: string | null, shareStdout: boolean): { cp: ChildProcess; io: Io } | null {
  const args = text === null ? ['-c', 'cat >&2; exit 127'] : ['-c', 'printf "%s" "$1" >&2; exit 127', 'sh', text];
  let made: { cp: ChildProcess; io: Io | null };
  try {
    made = spawnPiped('/bin/sh', args, baseOptions({ PATH: '/usr/bin:/bin' }), shareStdout);
  } catch {
    return null;
  }
  made.cp.on('error', () => undefined);
  if (made.io === null) return null;
  if (text !== null) made.io.stdin.end();
  return { cp: made.cp, io: made.io };
}

const forkFailed = (name: string): StartResult => ({ ok: false, message: `unknown error during fork for '${name}'` });

function standIn(text: string, opts: StartChildOptions, name: string): StartResult {
  const made = spawnStandIn(text, opts.redirectStderr);
  return made ? { ok: true, child: wrap(made.cp, made.io, { text }, opts) } : forkFailed(name);
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
  const shareStdout = opts.redirectStderr;
  let made: { cp: ChildProcess; io: Io | null } | undefined;
  let thrown: string | null = null;
  const launch = (f: string, args: string[], options: SpawnOptions, libuvSetsIds = true) => {
    if (user.ids && libuvSetsIds) Object.assign(options, { uid: user.ids.uid, gid: user.ids.gid });
    try {
      made = spawnPiped(f, args, options, shareStdout);
    } catch (e) {
      thrown = (e as NodeJS.ErrnoException).code ?? 'EIO';
    }
  };
  if (shim !== null) {
    // chdir (after libuv's setuid), umask and exec happen in the shim, with its own failure text
    // and the switch of user too: libuv would clear the supplementary groups
    const req = { file, argv: opts.argv, env: opts.env, directory: opts.directory, umask: opts.umask, ids: user.ids ?? null };
    launch(shim, shimArgs(req), { ...baseOptions({}), argv0: 'perl', cwd: ownCwd }, false);
  } else {
    const direct = (): SpawnOptions => ({ ...baseOptions(opts.env), argv0: opts.argv[0]!, cwd });
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
  const real: { cp: ChildProcess; io: Io | null } = made;
  if (real.io === null) {
    // node reports these (ENOENT: e.g. a missing #! interpreter; EACCES) a tick later, so the
    // stand-in gets its text through its stdin once the code is known
    const sub = spawnStandIn(null, shareStdout);
    if (!sub) return forkFailed(name);
    const failure = { text: 'supervisor: child process was not spawned\n' };
    real.cp.once('error', (e: NodeJS.ErrnoException) => {
      failure.text = childFailureText(`couldn't exec ${opts.argv[0]}: ${e.code ?? 'EIO'}`);
      sub.io.stdin.end(failure.text);
    });
    return { ok: true, child: wrap(sub.cp, sub.io, failure, opts) };
  }
  real.cp.on('error', () => undefined);
  return { ok: true, child: wrap(real.cp, real.io, null, opts) };
}

export type SignalResult =
  | { sent: true }
  /** ESRCH: already gone; supervisord logs DEBG `unable to signal NAME (pid N), it probably just exited on its own: [Errno 3] No such process` and carries on. */
  | { sent: false; gone: true; detail: string }
  /** Anything else: supervisord's CRIT `unknown problem killing ...` and UNKNOWN. */
  | { sent: false; gone: false; code: string; detail: string };

/** kill(2) to `pid`, or to its process group (`-pid`) when `group`. Never throws. */
export function signalChild(pid: number, signal: number, group: boolean): SignalResult {
  try {
    process.kill(group ? -pid : pid, signal);
    return { sent: true };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ESRCH') return { sent: false, gone: true, detail: '[Errno 3] No such process' };
    return { sent: false, gone: false, code: err.code ?? 'EIO', detail: err.message };
  }
}
