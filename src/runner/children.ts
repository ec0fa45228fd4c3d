// The children of one configuration's run: spawned for the machine's spawn actions, their
// output sent to their sinks, their exits reported back; on the way out, killed and reaped.
import type { ResolvedProcess, ResolvedSupervisord } from '../config/types.js';
import { openChildLogs, prepareSpawn, signalChild, startChild, type Child, type ChildLogs } from './host/index.js';
import { SIGKILL, type ExitStatus } from './machine/index.js';
import { childOutputSinks, type LogPaths, type OutputSinkOptions } from './log-sinks.js';
import type { RunOptions } from './run-options.js';
import { displayName } from './summary.js';
import type { Waker } from './waker.js';

interface Live {
  child: Child;
  logs: ChildLogs;
}

export interface ChildrenContext {
  sv: ResolvedSupervisord;
  opts: Pick<RunOptions, 'env' | 'cwd' | 'stderr'>;
  logPaths: LogPaths;
  sinks: Omit<OutputSinkOptions, 'stripAnsi' | 'stderr'>;
  waker: Waker;
  /** Wraps the event callbacks (an exception there must reach the loop, not escape it). */
  guard: <A extends unknown[]>(fn: (...args: A) => void) => (...args: A) => void;
  /** A child was reaped. */
  exited: (pid: number, status: ExitStatus) => void;
  /** Every process group spawned, for the final sweep (pgid == pid). */
  spawnedGroups: Set<number>;
}

export class Children {
  /** The running ones, by pid. */
  private readonly live = new Map<number, Live>();
  /** Each process's latest spawn, whose logs stay open until the next spawn or the end. */
  private readonly latestByKey = new Map<string, Live>();

  constructor(private readonly ctx: ChildrenContext) {}

  /** The machine's spawn action: the pid, or supervisord's spawnerr text. */
  spawn(key: string, proc: ResolvedProcess): { pid: number } | { error: string } {
    const { sv, opts, guard, waker } = this.ctx;
    const prep = prepareSpawn(proc, { env: opts.env, supervisordEnv: sv.environment, serverUrl: sv.serverurl, cwd: opts.cwd });
    if (!prep.ok) return { error: prep.message };
    const previous = this.latestByKey.get(key);
    if (previous) {
      previous.child.closeOutput();
      previous.logs.close();
    }
    const opened = openChildLogs(proc, this.ctx.logPaths.get(key)!);
    if (!opened.ok) return { error: opened.message };
    const logs = opened.logs;
    const sinks = childOutputSinks(proc, logs, { ...this.ctx.sinks, stripAnsi: sv.stripAnsi, stderr: opts.stderr });
    const shown = displayName(proc);
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
        sinks.stdout(chunk);
        waker.wake();
      }),
      onStderr: guard((chunk: Buffer) => {
        sinks.stderr(chunk);
        waker.wake();
      }),
      onExit: guard((status: ExitStatus) => {
        this.live.delete(pid);
        waker.wake();
        this.ctx.exited(pid, status);
      }),
      onOutputEnd: guard(() => {
        this.ctx.sinks.consoleOut?.flush(shown);
        if (this.latestByKey.get(key)?.child.pid !== pid || !this.live.has(pid)) logs.close();
      }),
    });
    if (!started.ok) {
      logs.close();
      return { error: started.message };
    }
    pid = started.child.pid;
    const entry: Live = { child: started.child, logs };
    this.live.set(pid, entry);
    this.latestByKey.set(key, entry);
    this.ctx.spawnedGroups.add(pid);
    return { pid };
  }

  /** SIGUSR2: each process's current log files are reopened. */
  reopenLogs(): void {
    for (const e of this.latestByKey.values()) e.logs.reopen();
  }

  /**
   * SIGKILLs whatever still runs, and reaps it (for up to a second: their exits wake the
   * waker) rather than leave zombies behind; then closes their logs.
   */
  async shutDown(clock: () => number): Promise<void> {
    for (const e of this.live.values()) {
      signalChild(e.child.pid, SIGKILL.number, true);
      signalChild(e.child.pid, SIGKILL.number, false);
    }
    const until = clock() + 1;
    while (this.live.size > 0 && clock() < until) await this.ctx.waker.wait(until - clock());
    for (const e of this.latestByKey.values()) e.logs.close();
  }
}
