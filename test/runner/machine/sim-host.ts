// A simulated host for the machine tests: a fake millisecond clock, fake children with
// scripted behaviour, and supervisord's loop (1 s poll, early wake on a child's death).
import {
  SupervisorMachine, performActions,
  type ExitStatus, type GroupSpec, type LogLevel, type ProcessSpec, type Action,
} from '../../../src/runner/machine/index.js';

/** Machine time of simulated ms 0; away from 0 so nothing mistakes it for "never". */
export const T0 = 1000;

export interface Behaviour {
  /** The child exits on its own this many ms after the spawn. */
  exitAfterMs?: number;
  code?: number;
  /** ...or dies by this signal number at that time instead. */
  signal?: number;
  /** Signal numbers the child ignores (SIGKILL is never ignored). */
  ignores?: number[];
  /** A handler for the stop signal: exit with this code after this delay. */
  onSignalExit?: { code: number; afterMs: number };
  /** How long a death by signal takes (default 5 ms). */
  dieAfterMs?: number;
  /** Its death does not wake the loop (pipes hit EOF before it became a zombie). */
  lateReap?: boolean;
}

export interface Line { ms: number; level: LogLevel; message: string }

interface Timer { at: number; pid: number; exit: ExitStatus; wake: boolean }

const RANK: Record<LogLevel, number> = { CRIT: 50, ERRO: 40, WARN: 30, INFO: 20, DEBG: 10, TRAC: 5, BLAT: 3 };

export function proc(name: string, over: Partial<ProcessSpec> = {}): ProcessSpec {
  return {
    name, group: name, priority: 999, autostart: true, startsecs: 1, startretries: 3,
    autorestart: 'unexpected', exitcodes: [0], stopsignal: { name: 'TERM', number: 15 },
    stopwaitsecs: 10, stopasgroup: false, killasgroup: false, ...over,
  };
}

export function program(name: string, over: Partial<ProcessSpec> = {}): GroupSpec {
  const p = proc(name, over);
  return { name, priority: p.priority, kind: 'program', processes: [p] };
}

export class Sim {
  ms = 0;
  readonly lines: Line[] = [];
  readonly machine: SupervisorMachine;
  finished = false;
  private waitStart = 0;
  private nextPid = 100;
  private readonly attempts = new Map<string, number>();
  private readonly children = new Map<number, { name: string; b: Behaviour; alive: boolean }>();
  private timers: Timer[] = [];
  private readonly signals: { at: number; name: string }[] = [];
  private readonly calls: { at: number; fn: (now: number) => Action[] }[] = [];

  constructor(
    groups: GroupSpec[],
    private readonly behaviours: Record<string, Behaviour | ((attempt: number) => Behaviour)> = {},
    private readonly spawnErrors: Record<string, string> = {},
  ) {
    this.machine = new SupervisorMachine(groups);
  }

  now(): number { return T0 + this.ms / 1000; }

  /** supervisord receives a signal at this time (it does not wake the loop). */
  signalAt(ms: number, name: string): this {
    this.signals.push({ at: ms, name });
    return this;
  }

  /** Something that wakes the loop (an RPC): runs fn, performs its actions, then ticks. */
  callAt(ms: number, fn: (now: number) => Action[]): this {
    this.calls.push({ at: ms, fn });
    return this;
  }

  run(untilMs: number): this {
    while (!this.finished) {
      const wakes = [
        this.waitStart + 1000,
        ...this.timers.filter((t) => t.wake).map((t) => t.at),
        ...this.calls.map((c) => c.at),
      ];
      const wake = Math.max(Math.min(...wakes), this.ms);
      if (wake > untilMs) break;
      this.ms = wake;
      for (const s of take(this.signals, (s) => s.at <= this.ms)) this.machine.signalReceived(s.name);
      const due = take(this.timers, (t) => t.at <= this.ms).sort((a, b) => a.at - b.at || a.pid - b.pid);
      for (const t of due) {
        const child = this.children.get(t.pid);
        if (child) child.alive = false;
        this.machine.exited(t.pid, t.exit, this.now());
      }
      for (const c of take(this.calls, (c) => c.at <= this.ms)) this.perform(c.fn(this.now()));
      this.perform(this.machine.tick(this.now()));
      this.waitStart = this.ms + 1;
    }
    return this;
  }

  /** Lines at `minLevel` or above as `S.s LEVL message` (seconds truncated to `digits`). */
  text(minLevel: LogLevel = 'INFO', digits = 1): string[] {
    const f = 10 ** digits;
    return this.lines.filter((l) => RANK[l.level] >= RANK[minLevel])
      .map((l) => `${(Math.floor(l.ms * f / 1000) / f).toFixed(digits)} ${l.level} ${l.message}`);
  }

  perform(actions: Action[]): void {
    const done = performActions(this.machine, actions, {
      now: () => this.now(),
      log: (level, message) => { this.lines.push({ ms: this.ms, level, message }); },
      spawn: (a) => {
        const name = a.process.name;
        const err = this.spawnErrors[name];
        if (err !== undefined) return { error: err };
        const attempt = (this.attempts.get(name) ?? 0) + 1;
        this.attempts.set(name, attempt);
        const spec = this.behaviours[name] ?? {};
        const b = typeof spec === 'function' ? spec(attempt) : spec;
        const pid = this.nextPid++;
        this.children.set(pid, { name, b, alive: true });
        if (b.exitAfterMs !== undefined) {
          const exit = b.signal === undefined ? { code: b.code ?? 0 } : { signal: b.signal };
          this.schedule(pid, b.exitAfterMs, exit, b);
        }
        return { pid };
      },
      signal: (a) => {
        const child = this.children.get(a.pid);
        if (!child || !child.alive) return { code: 'ESRCH' };
        const n = a.signal.number;
        const b = child.b;
        if (n !== 9 && b.ignores?.includes(n)) return null;
        if (n !== 9 && b.onSignalExit) {
          this.schedule(a.pid, b.onSignalExit.afterMs, { code: b.onSignalExit.code }, b);
        } else {
          this.schedule(a.pid, b.dieAfterMs ?? 5, { signal: n }, b);
        }
        return null;
      },
    });
    if (done) this.finished = true;
  }

  private schedule(pid: number, afterMs: number, exit: ExitStatus, b: Behaviour): void {
    const at = this.ms + afterMs;
    const earlier = this.timers.find((t) => t.pid === pid && t.at <= at);
    if (earlier) return;
    this.timers = this.timers.filter((t) => t.pid !== pid);
    this.timers.push({ at, pid, exit, wake: !b.lateReap });
  }
}

function take<T>(list: T[], pred: (x: T) => boolean): T[] {
  const out = list.filter(pred);
  const keep = list.filter((x) => !pred(x));
  list.length = 0;
  list.push(...keep);
  return out;
}

/** Drives the machine by hand: times in seconds after T0, pids from 100, every spawn succeeds. */
export class Manual {
  readonly lines: string[] = [];
  readonly signals: string[] = [];
  spawnError: string | null = null;
  private pid = 100;
  constructor(readonly machine: SupervisorMachine) {}

  tick(s: number): this { return this.perform(this.machine.tick(T0 + s), s); }
  exit(pid: number, exit: ExitStatus, s: number): this {
    this.machine.exited(pid, exit, T0 + s);
    return this;
  }
  perform(actions: Action[], s: number): this {
    performActions(this.machine, actions, {
      now: () => T0 + s,
      log: (level, message) => { this.lines.push(`${level} ${message}`); },
      spawn: () => (this.spawnError === null ? { pid: this.pid++ } : { error: this.spawnError }),
      signal: (a) => { this.signals.push(`${a.target} ${a.signal.name}`); return null; },
      reopenLogs: () => { this.lines.push('reopenLogs'); },
    });
    return this;
  }
  /** Lines logged since the last call, without DEBG/BLAT unless asked. */
  take(all = false): string[] {
    const out = this.lines.splice(0).filter((l) => all || !/^(DEBG|BLAT) /.test(l));
    return out;
  }
  state(key: string): string {
    return this.machine.states().find((s) => s.key === key)?.state ?? 'none';
  }
}
