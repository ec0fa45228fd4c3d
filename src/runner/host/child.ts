// Starting a child the way supervisord's _spawn_as_child does, with node's child_process, and
// signalling it. How each step maps (and where node cannot match supervisord exactly):
//
// - No shell: the prepared file is exec'd with argv[0] as written (spawn's argv0).
// - Own process group: `detached: true` makes libuv call setsid() in the child, so pgid == pid as
//   with supervisord's setpgrp(). The child also leads a new session with no controlling
//   terminal (supervisord's children stay in supervisord's session): opening /dev/tty fails,
//   and terminal signals could not reach them in either case.
// - Pipes: libuv gives the child AF_UNIX socketpairs, not pipes. Reading and writing behave the
//   same, but a child that open()s /dev/stdout or /proc/self/fd/1 gets ENXIO where it would
//   reopen the pipe under supervisord (node offers no pipe(2)).
// - redirect_stderr: the child gets separate stdout and stderr pipes and both are delivered to
//   onStdout (one log, never a stderr log, as in supervisord). Each read is delivered whole, so
//   nothing is cut, but the order of a stdout and a stderr write made within the same instant
//   may differ from a shared fd's.
// - umask: set in this process around the (synchronous) fork, so the child inherits it. A file
//   created by another thread of this process (libuv's pool) during that millisecond would get
//   the child's umask. Where this process cannot change its umask (a worker thread), the child is
//   exec'd through `/bin/sh -c 'umask "$0" && exec "$@"'`: argv is exact but argv[0] becomes the
//   resolved file.
// - user: libuv sets gid and uid but clears the supplementary groups (setgroups(0)), where
//   supervisord sets the user's groups from the group database; and libuv changes directory
//   before switching user, so a directory only root may enter works here but not there.
// - Failures supervisord's forked child reports itself (couldn't setuid/chdir/exec: text on the
//   child's stderr, exit 127) are detected before the fork where possible, and a stand-in child
//   (`/bin/sh` writing the same lines and exiting 127) is started in the real one's place: it
//   has a pid, its text goes through the same stderr pipe to the same log, and its exit is an
//   ordinary exit, exactly what supervisord's own failed child looks like from outside.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
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
 * execve's ENOEXEC, which node would not report: libuv runs a file without `#!` or an ELF
 * header through /bin/sh, as execvp does, where supervisord's execve fails.
 */
function wouldBeNoexec(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false; // unreadable (x-only): the kernel decides
  }
  try {
    const head = Buffer.alloc(4);
    const n = readSync(fd, head, 0, 4, 0);
    if (n >= 2 && head[0] === 0x23 && head[1] === 0x21) return false;
    if (n === 4 && head.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]))) return false;
    return !binfmtMisc();
  } catch {
    return false;
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

const gidCache = new Map<number, number | null>();

/** pwd.getpwuid(uid).pw_gid from /etc/passwd; null when the uid has no entry there. */
function primaryGid(uid: number): number | null {
  if (gidCache.has(uid)) return gidCache.get(uid)!;
  let gid: number | null = null;
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f.length >= 4 && Number(f[2]) === uid && f[2] !== '') {
        gid = Number(f[3]);
        break;
      }
    }
  } catch {
    gid = null;
  }
  gidCache.set(uid, gid);
  return gid;
}

/** drop_privileges' refusal, before anything else in the child, or null to go on. */
function setuidProblem(uid: number | null): { message: string | null; ids?: { uid: number; gid: number } } {
  if (uid === null || typeof process.getuid !== 'function') return { message: null };
  const me = process.getuid();
  if (uid === me) return { message: null };
  const gid = primaryGid(uid);
  if (gid === null) return { message: `couldn't setuid to ${uid}: Can't find uid ${uid}` };
  if (me !== 0) return { message: `couldn't setuid to ${uid}: Can't drop privilege as nonroot user` };
  return { message: null, ids: { uid, gid } };
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

function wrap(cp: ChildProcess, failure: { text: string } | null, opts: StartChildOptions): Child {
  const stdout = cp.stdout!;
  const stderr = cp.stderr!;
  let open = 2;
  const ended = () => {
    if (--open === 0) opts.onOutputEnd?.();
  };
  stdout.on('data', (c: Buffer) => opts.onStdout(c));
  stderr.on('data', (c: Buffer) => (opts.redirectStderr ? opts.onStdout(c) : opts.onStderr(c)));
  for (const s of [stdout, stderr]) {
    s.once('close', ended);
    s.on('error', () => undefined);
  }
  cp.stdin!.on('error', () => undefined); // EPIPE once the child is gone
  cp.once('exit', (code, signal) => opts.onExit(signal !== null ? { signal } : { code: code ?? 0 }));
  return {
    pid: cp.pid!,
    get failure() {
      return failure ? failure.text : null;
    },
    writeStdin: (data) => failure === null && !cp.stdin!.destroyed && cp.stdin!.write(data),
    closeStdin: () => {
      if (failure === null) cp.stdin!.end();
    },
    closeOutput: () => {
      stdout.destroy();
      stderr.destroy();
    },
  };
}

const baseOptions = (env: Record<string, string>): SpawnOptions => ({
  stdio: ['pipe', 'pipe', 'pipe'],
  detached: true,
  env,
});

/**
 * A stand-in for a child whose setup fails: writes the text (given now, or later through its
 * stdin) to its stderr and exits 127. Null if even /bin/sh cannot be forked.
 */
function spawnStandIn(text: string | null): ChildProcess | null {
  const args = text === null ? ['-c', 'cat >&2; exit 127'] : ['-c', 'printf "%s" "$1" >&2; exit 127', 'sh', text];
  const cp = spawn('/bin/sh', args, baseOptions({ PATH: '/usr/bin:/bin' }));
  cp.on('error', () => undefined);
  if (cp.pid === undefined) return null;
  if (text !== null) cp.stdin!.end();
  return cp;
}

const forkFailed = (name: string): StartResult => ({ ok: false, message: `unknown error during fork for '${name}'` });

function standIn(text: string, opts: StartChildOptions, name: string): StartResult {
  const cp = spawnStandIn(text);
  return cp ? { ok: true, child: wrap(cp, { text }, opts) } : forkFailed(name);
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
  const cwd = opts.directory ?? opts.cwd ?? process.cwd();
  if (wouldBeNoexec(resolve(cwd, file))) return standIn(childFailureText(`couldn't exec ${opts.argv[0]}: ENOEXEC`), opts, name);

  const options: SpawnOptions = { ...baseOptions(opts.env), argv0: opts.argv[0]!, cwd };
  if (user.ids) Object.assign(options, user.ids);

  let cp: ChildProcess | undefined;
  let thrown: string | null = null;
  const launch = (f: string, args: string[]) => {
    try {
      cp = spawn(f, args, options);
    } catch (e) {
      thrown = (e as NodeJS.ErrnoException).code ?? 'EIO';
    }
  };
  const args = opts.argv.slice(1);
  if (opts.umask === null || !withUmask(opts.umask, () => launch(file, args))) {
    if (opts.umask === null) launch(file, args);
    else {
      delete options.argv0;
      launch('/bin/sh', ['-c', 'umask "$0" && exec "$@"', opts.umask.toString(8).padStart(3, '0'), file, ...args]);
    }
  }
  if (thrown !== null || cp === undefined) {
    return standIn(childFailureText(`couldn't exec ${opts.argv[0]}: ${thrown ?? 'EIO'}`), opts, name);
  }
  const real = cp as ChildProcess;
  if (real.pid === undefined) {
    // node reports these (ENOENT: e.g. a missing #! interpreter; EACCES) a tick later, so the
    // stand-in gets its text through its stdin once the code is known
    const sub = spawnStandIn(null);
    if (!sub) return forkFailed(name);
    const failure = { text: 'supervisor: child process was not spawned\n' };
    real.once('error', (e: NodeJS.ErrnoException) => {
      failure.text = childFailureText(`couldn't exec ${opts.argv[0]}: ${e.code ?? 'EIO'}`);
      sub.stdin!.end(failure.text);
    });
    return { ok: true, child: wrap(sub, failure, opts) };
  }
  real.on('error', () => undefined);
  return { ok: true, child: wrap(real, null, opts) };
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
