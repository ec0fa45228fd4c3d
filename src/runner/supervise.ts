// One configuration's run: supervisord's main loop around the pure machine. The loop waits up
// to the machine's next tick (1.0 s polls), wakes early when a child writes or exits (the exit
// is reported to the machine first), ticks, and performs the actions through the host.
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
import { Children } from './children.js';
import { signalChild } from './host/index.js';
import { preparePipes } from './host/anon-pipes.js';
import { childLogFiles, openConsole, openMainLog } from './log-sinks.js';
import { SupervisorMachine, nextTickDue, performActions, type HostPort, type LogLevel, type ProcessSummary } from './machine/index.js';
import type { RunSource } from './load.js';
import { takeUser } from './privileges.js';
import type { RunOptions } from './run-options.js';
import { signalHandler, type RunnerSignal } from './signals.js';
import type { Waker } from './waker.js';

/** What lasts across the configurations of one run (a SIGHUP starts the next one). */
export interface RunState {
  clock: () => number;
  waker: Waker;
  /** Where the run's signals go: the current configuration's handler. */
  onSignal: { current: ((s: RunnerSignal) => void) | null };
  deadlinePassed: () => boolean;
  spawnedGroups: Set<number>;
  /** The machine's summary, kept up to date on every way out. */
  finalSummary: { rows: ProcessSummary[] };
}

/**
 * Supervises one resolved configuration until the machine is done. Returns whether a restart
 * (SIGHUP) was asked for.
 */
export async function supervise(source: RunSource, opts: RunOptions, shared: RunState): Promise<boolean> {
  const { config, mapped } = source;
  const sv = config.supervisord;
  const { clock, waker } = shared;

  const user = takeUser(sv.uid);
  const mainLog = openMainLog(sv, opts);
  const log = (level: LogLevel, message: string) => mainLog.log(level, message);
  const consoleOut = openConsole(sv, mapped, opts);

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
  const machine = new SupervisorMachine(mapped.groups);
  let children: Children | null = null;

  try {
    const logPaths = childLogFiles(sv, mapped, opts.cwd);

    if (user.crit) log('CRIT', user.crit);
    for (const w of config.parseWarnings) log('WARN', w);
    for (const i of config.parseInfos) log('INFO', i);
    if (user.info) log('INFO', user.info);
    log('INFO', `supervisord started with pid ${process.pid}`);

    const live = new Children({
      sv, opts, logPaths, waker, guard,
      sinks: { consoleOut, debug: mainLog.enabled('DEBG') ? (message: string) => log('DEBG', message) : undefined },
      exited: (pid, status) => {
        if (!machine.done) machine.exited(pid, status, clock());
      },
      spawnedGroups: shared.spawnedGroups,
    });
    children = live;

    const port: HostPort = {
      now: clock,
      spawn: (action) => live.spawn(action.key, mapped.byKey.get(action.key)!.config),
      signal: (action) => {
        const r = signalChild(action.pid, action.signal.number, action.group);
        if (r.sent) return null;
        return r.gone ? { code: 'ESRCH', detail: r.detail } : { code: r.code, detail: r.detail };
      },
      log,
      reopenLogs: () => {
        mainLog.reopen();
        live.reopenLogs();
      },
    };

    let done = false;
    let restart = false;
    // run by the loop, not in the signal handler: the machine is never entered re-entrantly
    const immediate: (() => void)[] = [];
    shared.onSignal.current = guard(signalHandler(machine, () => {
      immediate.push(() => {
        done = performActions(machine, machine.killImmediately(clock()), port) || done;
      });
      waker.wake();
    }));
    if (shared.deadlinePassed()) shared.onSignal.current('SIGTERM');

    let waitStartedAt = clock();
    // Three pipes for each process that starts at the first tick, made while that tick is due.
    preparePipes(3 * mapped.groups.reduce((n, g) => n + g.processes.filter((p) => p.autostart).length, 0));
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
    await children?.shutDown(clock);
    consoleOut?.flushAll();
    mainLog.close();
  }
}
