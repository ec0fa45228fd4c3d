// The daemon side of supervisord (supervisord.py runforever/handle_signal/shutdown) as a pure
// machine: one tick() is one main-loop iteration after its poll returned.
import { decodeExit } from './exit-status.js';
import { sortGroups, stopOrder } from './order.js';
import { ProcessMachine, type SpawnResult, type Step } from './process.js';
import { SIGKILL, signalNumber, signame } from './signals.js';
import {
  RUNNING_STATES, STOPPED_STATES,
  type Action, type ExitStatus, type GroupSpec, type ProcessState, type ProcessSummary,
  type SpawnAction,
} from './types.js';

interface Group {
  spec: GroupSpec;
  processes: ProcessMachine[];
}

export type Mood = 'RUNNING' | 'RESTARTING' | 'SHUTDOWN';

export type RpcFault = 'BAD_NAME' | 'ALREADY_STARTED' | 'NOT_RUNNING' | 'FAILED' | 'SHUTDOWN_STATE';
export type RpcResult = { ok: true; actions: Action[] } | { ok: false; fault: RpcFault; message: string };

/** Seconds between `waiting for ... to die` lines. */
const SHUTDOWN_REPORT_EVERY = 3;

export class SupervisorMachine {
  private readonly groups: Group[];
  private readonly byKey = new Map<string, ProcessMachine>();
  private moodValue: Mood = 'RUNNING';
  private stopping = false;
  private stopGroups: Group[] = [];
  private lastShutdownReport: number | null = null;
  private readonly pendingExits: { pid: number; exit: ExitStatus }[] = [];
  private readonly pendingSignals: string[] = [];
  private paused: { gen: Step; action: SpawnAction } | null = null;
  private finished = false;
  private restart = false;
  private now = 0;

  constructor(groups: GroupSpec[]) {
    this.groups = sortGroups(groups).map((spec) => ({
      spec, processes: spec.processes.map((p) => new ProcessMachine(p)),
    }));
    for (const g of this.groups) for (const p of g.processes) this.byKey.set(p.key, p);
  }

  get mood(): Mood { return this.moodValue; }
  /** True once the `done` action was emitted. */
  get done(): boolean { return this.finished; }
  /** The spawn the machine waits on; answer it with spawned() or spawnError(). */
  get awaitingSpawn(): SpawnAction | null { return this.paused?.action ?? null; }
  /** A reported exit waits to be reaped: the host should tick at once. */
  get hasPendingExits(): boolean { return this.pendingExits.length > 0; }

  /** One main-loop iteration: transition all groups, reap, one signal, shutdown progress. */
  tick(now: number): Action[] {
    if (this.finished) return [];
    this.assertNotPaused('tick');
    this.advance(now);
    return this.run(this.iteration());
  }

  spawned(key: string, pid: number, now: number): Action[] {
    return this.resume(key, { pid, now });
  }

  spawnError(key: string, message: string, now: number): Action[] {
    return this.resume(key, { error: message, now });
  }

  /**
   * A child ended; it is reaped (and logged) by the next tick, as supervisord's reap() does.
   * Also queues the SIGCHLD supervisord receives (its DEBG line comes after the reap).
   */
  exited(pid: number, exit: ExitStatus, now: number): void {
    this.advance(now);
    this.pendingExits.push({ pid, exit });
    this.signalReceived('SIGCHLD');
  }

  /**
   * supervisord got a signal (SIGTERM, SIGINT, SIGQUIT, SIGHUP, SIGUSR2, SIGCHLD, ...). It is
   * handled at the end of a later tick, one per tick; a signal already pending is not queued twice.
   */
  signalReceived(signal: string | number): void {
    const num = signalNumber(signal);
    const name = num === undefined ? String(signal) : signame(num);
    if (!this.pendingSignals.includes(name)) this.pendingSignals.push(name);
  }

  shutdownRequested(signal: string | number, now: number): void {
    this.advance(now);
    this.signalReceived(signal);
  }

  /** The host failed to deliver a `signal` action (errno code such as ESRCH, EPERM). */
  signalFailed(key: string, error: { code?: string; detail?: string }, now: number): Action[] {
    this.advance(now);
    return this.run(this.process(key).signalFailed(error));
  }

  /** Not in supervisord: a second Ctrl-C. SIGKILL everything now and stop spawning. */
  killImmediately(now: number): Action[] {
    if (this.finished) return [];
    this.assertNotPaused('killImmediately');
    this.advance(now);
    if (this.moodValue === 'RUNNING') this.moodValue = 'SHUTDOWN';
    return this.run(this.killAll());
  }

  /** RPC startProcess, after the host has checked the command (NO_FILE/NOT_EXECUTABLE). */
  startProcess(key: string, now: number): RpcResult {
    this.assertNotPaused('startProcess');
    this.advance(now);
    if (this.moodValue !== 'RUNNING') return fault('SHUTDOWN_STATE', 'SHUTDOWN_STATE');
    const p = this.byKey.get(key);
    if (!p) return fault('BAD_NAME', key);
    if (RUNNING_STATES.includes(p.state)) return fault('ALREADY_STARTED', key);
    if (p.state === 'UNKNOWN') return fault('FAILED', `${key} is in an unknown process state`);
    return { ok: true, actions: this.run(p.spawn(this.now)) };
  }

  /** RPC stopProcess (the `waiting for NAME to stop` lines belong to the RPC layer). */
  stopProcess(key: string, now: number): RpcResult {
    this.assertNotPaused('stopProcess');
    this.advance(now);
    if (this.moodValue !== 'RUNNING') return fault('SHUTDOWN_STATE', 'SHUTDOWN_STATE');
    const p = this.byKey.get(key);
    if (!p) return fault('BAD_NAME', key);
    if (!RUNNING_STATES.includes(p.state)) return fault('NOT_RUNNING', key);
    const result: { message: string | null } = { message: null };
    const at = this.now;
    const actions = this.run((function* () { result.message = yield* p.stop(at); })());
    return result.message === null ? { ok: true, actions } : fault('FAILED', result.message);
  }

  states(): { key: string; name: string; state: ProcessState; pid: number }[] {
    return this.all().map((p) => ({ key: p.key, name: p.spec.name, state: p.state, pid: p.pid }));
  }

  summary(): ProcessSummary[] {
    return this.all().map((p) => p.summary());
  }

  private *iteration(): Step {
    for (const g of this.groups) {
      for (const p of g.processes) yield* p.transition(this.now, this.moodValue === 'RUNNING');
    }
    yield* this.reap();
    yield* this.handleSignal();
    if (this.moodValue !== 'RUNNING') this.shutdownPhase2();
    // The top of supervisord's next iteration runs before its poll, so at this same instant.
    yield* this.loopTop();
  }

  private *reap(): Step {
    for (const { pid, exit } of this.pendingExits.splice(0)) {
      const p = pid > 0 ? this.all().find((x) => x.pid === pid) : undefined;
      if (p) yield* p.finish(exit, this.now);
      else yield info(`reaped unknown pid ${pid} (${decodeExit(exit).description})`);
    }
  }

  private *handleSignal(): Step {
    const sig = this.pendingSignals.shift();
    if (sig === undefined) return;
    if (sig === 'SIGTERM' || sig === 'SIGINT' || sig === 'SIGQUIT') {
      yield { type: 'log', level: 'WARN', message: `received ${sig} indicating exit request` };
      this.moodValue = 'SHUTDOWN';
      this.restart = false;
    } else if (sig === 'SIGHUP') {
      if (this.moodValue === 'SHUTDOWN') {
        yield { type: 'log', level: 'WARN',
          message: `ignored ${sig} indicating restart request (shutdown in progress)` };
      } else {
        yield { type: 'log', level: 'WARN', message: `received ${sig} indicating restart request` };
        this.moodValue = 'RESTARTING';
        this.restart = true;
      }
    } else if (sig === 'SIGCHLD') {
      yield { type: 'log', level: 'DEBG', message: `received ${sig} indicating a child quit` };
    } else if (sig === 'SIGUSR2') {
      yield info(`received ${sig} indicating log reopen request`);
      yield { type: 'reopenLogs' };
    } else {
      yield { type: 'log', level: 'BLAT', message: `received ${sig} indicating nothing` };
    }
  }

  private shutdownPhase2(): void {
    const group = this.stopGroups.pop();
    if (group && unstopped(group).length > 0) this.stopGroups.push(group);
  }

  private *loopTop(): Step {
    if (this.moodValue === 'RUNNING') return;
    if (!this.stopping) {
      this.stopping = true;
      this.stopGroups = [...this.groups];
    }
    const last = this.stopGroups[this.stopGroups.length - 1];
    if (last) yield* this.stopAll(last);
    const left = this.groups.flatMap(unstopped);
    if (left.length === 0) {
      this.finished = true;
      yield { type: 'done', restart: this.restart };
      return;
    }
    if (this.lastShutdownReport === null || this.now > this.lastShutdownReport + SHUTDOWN_REPORT_EVERY) {
      yield info(`waiting for ${left.map((p) => p.spec.name).join(', ')} to die`);
      this.lastShutdownReport = this.now;
      for (const p of left) {
        yield { type: 'log', level: 'BLAT', message: `${p.spec.name} state: ${p.state}` };
      }
    }
  }

  private *stopAll(group: Group): Step {
    for (const p of stopOrder(group.processes)) {
      if (p.state === 'RUNNING' || p.state === 'STARTING') yield* p.stop(this.now);
      else if (p.state === 'BACKOFF') p.giveUp();
    }
  }

  private *killAll(): Step {
    for (const g of [...this.groups].reverse()) {
      for (const p of stopOrder(g.processes)) {
        if (p.state === 'BACKOFF') {
          p.giveUp();
        } else if (p.pid && ['RUNNING', 'STARTING', 'STOPPING'].includes(p.state)) {
          yield { type: 'log', level: 'WARN', message: `killing '${p.spec.name}' (${p.pid}) with SIGKILL` };
          yield* p.kill(SIGKILL, this.now);
        }
      }
    }
  }

  private run(gen: Step, input?: SpawnResult): Action[] {
    const out: Action[] = [];
    let r = gen.next(input);
    while (!r.done) {
      out.push(r.value);
      if (r.value.type === 'spawn') {
        this.paused = { gen, action: r.value };
        return out;
      }
      r = gen.next();
    }
    return out;
  }

  private resume(key: string, result: SpawnResult): Action[] {
    const paused = this.paused;
    if (!paused || paused.action.key !== key) {
      throw new Error(`no spawn of ${key} is awaiting a result`);
    }
    this.paused = null;
    this.advance(result.now);
    return this.run(paused.gen, result);
  }

  private advance(now: number): void {
    if (now > this.now) this.now = now;
  }

  private assertNotPaused(what: string): void {
    if (this.paused) {
      throw new Error(`${what} called while the spawn of ${this.paused.action.key} awaits a result`);
    }
  }

  private process(key: string): ProcessMachine {
    const p = this.byKey.get(key);
    if (!p) throw new Error(`unknown process ${key}`);
    return p;
  }

  private all(): ProcessMachine[] {
    return this.groups.flatMap((g) => g.processes);
  }
}

function unstopped(group: Group): ProcessMachine[] {
  return group.processes.filter((p) => !STOPPED_STATES.includes(p.state));
}

function info(message: string): Action {
  return { type: 'log', level: 'INFO', message };
}

function fault(code: RpcFault, message: string): RpcResult {
  return { ok: false, fault: code, message };
}
