// `gen-supervisor run FILE`: supervisord's main loop around the pure machine. The loop waits up
// to the machine's next tick (1.0 s polls), wakes early when a child writes or exits (the exit
// is reported to the machine first), ticks, and performs the actions through the host. Every
// exit path ends with a SIGKILL sweep of every process group this run started.
//
// What is logged at startup, in supervisord's order: the CRIT `Supervisor is running as root...`
// (root, no `[supervisord] user=`), the parse WARNs (`No file matches via include ...`), the parse
// INFOs (`Included extra file ... during parsing`, `Set uid to user N succeeded`), then
// `supervisord started with pid N` with this process's pid (the line tools wait for; this process
// is the one supervising). Not logged, because this runner does not do it: `RPC interface
// 'supervisor' initialized` and the `Server 'unix_http_server' running without any HTTP
// authentication checking` CRIT (there is no RPC/HTTP server: supervisorctl cannot talk to it),
// `Increased RLIMIT_NOFILE limit to N` (node cannot raise rlimits), and the AUTO log cleanup
// lines (the runner never deletes files: the cleanup would also remove the logs of a real
// supervisord using the same childlogdir and identifier). No pidfile is written either (it would
// overwrite a running supervisord's).
import { performance } from 'node:perf_hooks';
import { UserError } from '../core/errors.js';
import { systemHost } from '../config/host.js';
import type { ResolvedProcess } from '../config/types.js';
import {
  childLogPaths, ConsoleOutput, MainLog, openChildLogs, outputRecorder, prepareSpawn, signalChild, startChild,
  type Child, type ChildLogs,
} from './host/index.js';
import {
  SupervisorMachine, nextTickDue, performActions, SIGKILL,
  type ExitStatus, type HostPort, type LogLevel, type ProcessSummary,
} from './machine/index.js';
import { drainPipePool } from './host/anon-pipes.js';
import { loadRunSource, type RunSource, type RunSourceOptions } from './load.js';
import { displayName, formatSummary } from './summary.js';

/** A signal the runner reacts to, as node names it. */
export type RunnerSignal = 'SIGINT' | 'SIGTERM' | 'SIGQUIT' | 'SIGHUP' | 'SIGUSR2';

/** Subscribes `handler` to the runner's signals; returns the unsubscribe function. */
export type SignalSource = (handler: (signal: RunnerSignal) => void) => () => void;

const RUNNER_SIGNALS: readonly RunnerSignal[] = ['SIGINT', 'SIGTERM', 'SIGQUIT', 'SIGHUP', 'SIGUSR2'];

/** The real process's signals (what the CLI passes as `signals`). */
export const processSignals: SignalSource = (handler) => {
  const subs = RUNNER_SIGNALS.map((name) => {
    const fn = () => handler(name);
    process.on(name, fn);
    return [name, fn] as const;
  });
  return () => subs.forEach(([name, fn]) => process.off(name, fn));
};

/** Seconds, monotonic, sub-millisecond, > 0 (what the machine's timing needs). */
export const monotonicClock = (): number => performance.timeOrigin / 1000 + performance.now() / 1000;

export interface RunOptions extends RunSourceOptions {
  /** `--for`: stop everything after this many seconds (as on SIGTERM), print the summary. */
  forSeconds?: number;
  /** Colour the console prefixes of child output. */
  color: boolean;
  /** The console: main log lines (unless `silent`), child output, the summary. */
  stdout: (text: string) => void;
  /** The runner's own notices (not supervisord's: e.g. leftover processes it killed). */
  stderr: (text: string) => void;
  signals: SignalSource;
  /** Default monotonicClock. */
  clock?: () => number;
  /** For tests: the wall clock of main-log timestamps. */
  wallClock?: () => Date;
}

export interface RunResult {
  /** 0, or 1 with `forSeconds` when a process ended FATAL/UNKNOWN or exited unexpectedly. */
  exitCode: number;
  /** Per process, at the end (of the last configuration, after a SIGHUP restart). */
  summary: ProcessSummary[];
}

interface Live {
  key: string;
  child: Child;
  logs: ChildLogs;
  exited: boolean;
}

const CRIT_ROOT = 'Supervisor is running as root.  Privileges were not dropped because no user is '
  + 'specified in the config file.  If you intend to run as root, you can set user=root in the config '
  + 'file to avoid this message.';

/** Resolves early when woken; a wake while nobody waits makes the next wait return at once. */
class Waker {
  private release: (() => void) | null = null;
  private pending = false;

  wake(): void {
    if (this.release) this.release();
    else this.pending = true;
  }

  /** Resolves true when woken, false when the time ran out. */
  wait(seconds: number): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((res) => {
      // node's timers have millisecond granularity and may fire up to 1 ms early
      const timer = setTimeout(() => done(false), Math.max(0, Math.ceil(seconds * 1000)));
      const done = (woken: boolean) => {
        clearTimeout(timer);
        this.release = null;
        res(woken);
      };
      this.release = () => done(true);
    });
  }
}

/** supervisord's set_uid_or_exit for `[supervisord] user=`: null, or the refusal text. */
function dropPrivileges(uid: number, hostUsers: () => readonly { name: string; uid: number; gid: number }[]): string | null {
  const current = typeof process.getuid === 'function' ? process.getuid() : 0;
  if (current === uid) return null;
  if (current !== 0) return "Can't drop privilege as nonroot user";
  const entry = hostUsers().find((u) => u.uid === uid);
  if (!entry) return `Can't find uid ${uid}`;
  try {
    // node's process gains these on POSIX only
    const posix = process as NodeJS.Process & {
      initgroups?: (user: string, extraGroup: number) => void;
      setgid?: (id: number) => void;
      setuid?: (id: number) => void;
    };
    posix.initgroups?.(entry.name, entry.gid);
    posix.setgid?.(entry.gid);
    posix.setuid?.(uid);
  } catch (e) {
    return `Could not set user id of process: ${(e as Error).message}`;
  }
  return null;
}

/**
 * Supervises one resolved configuration until the machine is done. Returns whether a restart
 * (SIGHUP) was asked for.
 */
async function supervise(
  source: RunSource,
  opts: RunOptions,
  shared: {
    clock: () => number;
    waker: Waker;
    onSignal: { current: ((s: RunnerSignal) => void) | null };
    deadlinePassed: () => boolean;
    spawnedGroups: Set<number>;
    finalSummary: { rows: ProcessSummary[] };
  },
): Promise<boolean> {
  const { config, mapped } = source;
  const sv = config.supervisord;
  const clock = shared.clock;
  const waker = shared.waker;

  const uidNow = typeof process.getuid === 'function' ? process.getuid() : 0;
  const criticals: string[] = [];
  const infos = [...config.parseInfos];
  if (sv.uid === null) {
    if (uidNow === 0) criticals.push(CRIT_ROOT);
  } else {
    const refused = dropPrivileges(sv.uid, () => systemHost().users());
    if (refused) throw new UserError(refused);
    infos.push(`Set uid to user ${sv.uid} succeeded`);
  }

  const silent = sv.silent;
  let mainLog: MainLog;
  const logfile = sv.logfile === 'syslog' ? null : sv.logfile;
  try {
    mainLog = new MainLog({
      file: logfile,
      maxbytes: sv.logfileMaxbytes,
      backups: sv.logfileBackups,
      loglevel: sv.loglevel,
      ...(silent ? {} : { console: opts.stdout }),
      ...(opts.wallClock ? { now: opts.wallClock } : {}),
      onError: (e) => opts.stderr(`run: cannot write the main log ${logfile}: ${(e as Error).message}\n`),
    });
  } catch (e) {
    throw new UserError(`cannot open the main log file ${logfile}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  if (logfile === null) opts.stderr('run: logfile=syslog: the main log is shown on the console only (no syslog)\n');
  const log = (level: LogLevel, message: string) => mainLog.log(level, message);

  const consoleOut = silent ? null : new ConsoleOutput({
    write: opts.stdout,
    color: opts.color,
    names: mapped.processes.map((m) => displayName(m.spec)),
  });

  const live = new Map<number, Live>();
  // An exception in an event callback would escape the loop (and crash the CLI, leaving the
  // children running): keep the first one, wake the loop, and rethrow it there.
  let callbackError: { error: unknown } | null = null;
  const guard = <A extends unknown[]>(fn: (...args: A) => void) => (...args: A): void => {
    try {
      fn(...args);
    } catch (error) {
      callbackError ??= { error };
      waker.wake();
    }
  };
  const latestByKey = new Map<string, Live>();
  const machine = new SupervisorMachine(mapped.groups);

  try {
    // AUTO child logs are made when the group is created, once per run (never cleaned up here:
    // supervisord's startup cleanup could delete a real supervisord's logs in the same folder).
    const logPaths = new Map<string, { stdout: string | null; stderr: string | null }>();
    for (const m of mapped.processes) {
      try {
        logPaths.set(m.key, childLogPaths(m.config, { childlogdir: sv.childlogdir, identifier: sv.identifier, cwd: opts.cwd }));
      } catch (e) {
        throw new UserError(`cannot create the AUTO log of ${m.config.name} in ${sv.childlogdir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }

    for (const c of criticals) log('CRIT', c);
    for (const w of config.parseWarnings) log('WARN', w);
    for (const i of infos) log('INFO', i);
    // No `RPC interface 'supervisor' initialized` nor server CRIT: this runner has no RPC server.
    log('INFO', `supervisord started with pid ${process.pid}`);

    const debugCopy = mainLog.enabled('DEBG') ? (message: string) => log('DEBG', message) : undefined;

    const spawnOne = (key: string, proc: ResolvedProcess): { pid: number } | { error: string } => {
      const prep = prepareSpawn(proc, { env: opts.env, supervisordEnv: sv.environment, serverUrl: sv.serverurl, cwd: opts.cwd });
      if (!prep.ok) return { error: prep.message };
      const previous = latestByKey.get(key);
      if (previous) {
        previous.child.closeOutput();
        previous.logs.close();
      }
      const opened = openChildLogs(proc, logPaths.get(key)!);
      if (!opened.ok) return { error: opened.message };
      const logs = opened.logs;
      const shown = displayName(proc);
      const onWriteError = (e: unknown) => opts.stderr(`run: cannot write the log of ${proc.name}: ${(e as Error).message}\n`);
      const toStdoutLog = outputRecorder({ processName: proc.name, channel: 'stdout', file: logs.stdout, stripAnsi: sv.stripAnsi, ...(debugCopy ? { debug: debugCopy } : {}), onError: onWriteError });
      const toStderrLog = outputRecorder({ processName: proc.name, channel: 'stderr', file: logs.stderr, stripAnsi: sv.stripAnsi, ...(debugCopy ? { debug: debugCopy } : {}), onError: onWriteError });
      let pid = 0;
      const started = startChild(proc.name, {
        file: prep.file,
        argv: prep.argv,
        env: prep.env,
        directory: proc.directory,
        umask: proc.umask,
        uid: proc.uid,
        redirectStderr: proc.redirectStderr,
        onStdout: guard((chunk: Buffer) => {
          toStdoutLog(chunk);
          consoleOut?.write(shown, chunk);
          waker.wake();
        }),
        onStderr: guard((chunk: Buffer) => {
          toStderrLog(chunk);
          consoleOut?.write(shown, chunk);
          waker.wake();
        }),
        onExit: guard((status: ExitStatus) => {
          const entry = live.get(pid);
          if (entry) entry.exited = true;
          live.delete(pid);
          waker.wake();
          if (!machine.done) machine.exited(pid, status, clock());
        }),
        onOutputEnd: guard(() => {
          consoleOut?.flush(shown);
          if (latestByKey.get(key)?.child.pid !== pid || !live.has(pid)) logs.close();
        }),
      });
      if (!started.ok) {
        logs.close();
        return { error: started.message };
      }
      pid = started.child.pid;
      const entry: Live = { key, child: started.child, logs, exited: false };
      live.set(pid, entry);
      latestByKey.set(key, entry);
      shared.spawnedGroups.add(pid);
      return { pid };
    };

    const port: HostPort = {
      now: clock,
      spawn: (action) => spawnOne(action.key, mapped.byKey.get(action.key)!.config),
      signal: (action) => {
        const r = signalChild(action.pid, action.signal.number, action.group);
        if (r.sent) return null;
        return r.gone ? { code: 'ESRCH', detail: r.detail } : { code: r.code, detail: r.detail };
      },
      log,
      reopenLogs: () => {
        mainLog.reopen();
        for (const e of latestByKey.values()) e.logs.reopen();
      },
    };

    let exitRequests = 0;
    let done = false;
    let restart = false;
    const immediate: (() => void)[] = [];
    shared.onSignal.current = guard((signal: RunnerSignal) => {
      if (machine.done) return;
      if (signal === 'SIGINT' || signal === 'SIGTERM' || signal === 'SIGQUIT') {
        exitRequests += 1;
        if (exitRequests >= 2 || machine.mood === 'SHUTDOWN') {
          // not supervisord: a second request kills everything now
          immediate.push(() => {
            done = performActions(machine, machine.killImmediately(clock()), port) || done;
          });
          waker.wake();
          return;
        }
      }
      // supervisord handles a signal at the end of its current iteration (the poll is retried)
      machine.signalReceived(signal);
    });
    if (shared.deadlinePassed()) shared.onSignal.current('SIGTERM');

    let waitStartedAt = clock();
    while (!done) {
      // like poll(2), never return before the timeout unless something happened
      const due = nextTickDue(machine, waitStartedAt);
      let woken = false;
      do woken = await waker.wait(due - clock());
      while (!woken && clock() < due);
      if (callbackError) throw callbackError.error;
      while (immediate.length > 0) immediate.shift()!();
      if (done) break;
      done = performActions(machine, machine.tick(clock()), port);
      if (machine.done) {
        restart = machine.mood === 'RESTARTING';
      }
      waitStartedAt = clock();
    }
    shared.finalSummary.rows = machine.summary();
    return restart;
  } finally {
    shared.onSignal.current = null;
    shared.finalSummary.rows = machine.summary();
    for (const e of live.values()) {
      signalChild(e.child.pid, SIGKILL.number, true);
      signalChild(e.child.pid, SIGKILL.number, false);
    }
    // reap them (their exits wake the waker) rather than leave zombies behind
    const until = clock() + 1;
    while (live.size > 0 && clock() < until) await waker.wait(until - clock());
    consoleOut?.flushAll();
    for (const e of latestByKey.values()) e.logs.close();
    mainLog.close();
  }
}

/** Whether any process still belongs to process group `pgid`. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Kills, with SIGKILL, every process group this run started that still has a member (a
 * grandchild supervisord would leave orphaned without stopasgroup, or anything left by an
 * internal error). Returns the groups it killed.
 */
function sweep(groups: Set<number>): number[] {
  const killed: number[] = [];
  for (const pgid of groups) {
    if (!groupAlive(pgid)) continue;
    try {
      process.kill(-pgid, SIGKILL.number);
      killed.push(pgid);
    } catch {
      // gone meanwhile
    }
  }
  return killed;
}

/**
 * `gen-supervisor run FILE` (a supervisord config or a worker description): supervise its
 * programs in the foreground as supervisord 4.2.5 would, until SIGINT/SIGTERM (a second one
 * SIGKILLs everything at once) or the end of `forSeconds`. A config supervisord would refuse is
 * a UserError (exit 2) before anything starts. Nothing started is left running on any exit path.
 */
export async function runFile(path: string, opts: RunOptions): Promise<RunResult> {
  const clock = opts.clock ?? monotonicClock;
  const waker = new Waker();
  const onSignal: { current: ((s: RunnerSignal) => void) | null } = { current: null };
  let deadlinePassed = false;
  const spawnedGroups = new Set<number>();
  const finalSummary = { rows: [] as ProcessSummary[] };
  let source = loadRunSource(path, opts);

  const unsubscribe = opts.signals((s) => onSignal.current?.(s));
  let deadline: NodeJS.Timeout | null = null;
  if (opts.forSeconds !== undefined) {
    deadline = setTimeout(() => {
      deadlinePassed = true;
      // the same shutdown as on SIGTERM
      onSignal.current?.('SIGTERM');
    }, opts.forSeconds * 1000);
  }
  try {
    for (;;) {
      const restart = await supervise(source, opts, { clock, waker, onSignal, deadlinePassed: () => deadlinePassed, spawnedGroups, finalSummary });
      if (!restart) break;
      source = loadRunSource(path, opts);
    }
  } finally {
    if (deadline) clearTimeout(deadline);
    unsubscribe();
    drainPipePool(); // spare pipes made for children that were never started
    const killed = sweep(spawnedGroups);
    if (killed.length > 0) {
      opts.stderr(`run: killed ${killed.length} leftover process group${killed.length === 1 ? '' : 's'} (pgid ${killed.join(', ')}) `
        + 'with SIGKILL: processes that outlived their parent (supervisord would leave them running; stopasgroup=true stops them)\n');
    }
  }
  const summary = finalSummary.rows;
  const failed = summary.some((p) => p.failed);
  if (opts.forSeconds !== undefined) opts.stdout('\n' + formatSummary(summary));
  return { exitCode: opts.forSeconds !== undefined && failed ? 1 : 0, summary };
}
