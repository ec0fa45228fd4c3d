// One supervised process: supervisord's Subprocess (process.py) as generators that yield
// actions. A yielded `spawn` action is answered with a SpawnResult through Generator.next().
import { decodeExit } from './exit-status.js';
import { SIGKILL, signame } from './signals.js';
import type {
  Action, ExitStatus, LastExit, LogLevel, ProcessSpec, ProcessState, ProcessSummary, SignalSpec,
} from './types.js';

export type SpawnResult = { pid: number; now: number } | { error: string; now: number };
export type Step<R = void> = Generator<Action, R, SpawnResult | undefined>;

export function processKey(spec: Pick<ProcessSpec, 'group' | 'name'>): string {
  return `${spec.group}:${spec.name}`;
}

function log(level: LogLevel, message: string): Action {
  return { type: 'log', level, message };
}

export class ProcessMachine {
  readonly key: string;
  state: ProcessState = 'STOPPED';
  pid = 0;
  laststart = 0;
  /** supervisord tests `laststart == 0`; a flag keeps that right whatever clock origin is used. */
  everStarted = false;
  laststop = 0;
  delay = 0;
  backoff = 0;
  killing = false;
  exitstatus: number | null = null;
  spawnerr: string | null = null;
  administrativeStop = false;
  systemStop = false;
  starts = 0;
  spawnErrors = 0;
  unexpectedExits = 0;
  quickExits = 0;
  lastExit: LastExit | null = null;

  constructor(readonly spec: ProcessSpec) {
    this.key = processKey(spec);
  }

  private changeState(to: ProcessState, now: number): void {
    if (to === this.state) return;
    this.state = to;
    if (to === 'BACKOFF') {
      this.backoff += 1;
      this.delay = now + this.backoff;
    }
  }

  private assertIn(...states: ProcessState[]): void {
    if (!states.includes(this.state)) {
      throw new Error(
        `Assertion failed for ${this.spec.name}: ${this.state} not in ${states.join(' ')}`,
      );
    }
  }

  *spawn(now: number): Step {
    const name = this.spec.name;
    if (this.pid) {
      yield log('WARN', `process '${name}' already running`);
      return;
    }
    this.killing = false;
    this.spawnerr = null;
    this.exitstatus = null;
    this.systemStop = false;
    this.administrativeStop = false;
    this.laststart = now;
    this.everStarted = true;
    this.assertIn('EXITED', 'FATAL', 'BACKOFF', 'STOPPED');
    this.changeState('STARTING', now);
    const result = yield { type: 'spawn', key: this.key, process: this.spec };
    if (!result) throw new Error(`spawn of ${this.key} resumed without a result`);
    if ('error' in result) {
      this.spawnErrors += 1;
      this.spawnerr = result.error;
      yield log('INFO', `spawnerr: ${result.error}`);
      this.changeState('BACKOFF', result.now);
      return;
    }
    this.pid = result.pid;
    this.starts += 1;
    yield log('INFO', `spawned: '${name}' with pid ${result.pid}`);
    this.spawnerr = null;
    this.delay = result.now + this.spec.startsecs;
  }

  /** Subprocess.transition; `spawning` is false once the daemon is shutting down. */
  *transition(now: number, spawning: boolean): Step {
    const spec = this.spec;
    const state = this.state;
    if (spawning) {
      if (state === 'EXITED') {
        if (spec.autorestart === true) yield* this.spawn(now);
        else if (spec.autorestart === 'unexpected'
          && !spec.exitcodes.includes(this.exitstatus as number)) yield* this.spawn(now);
      } else if (state === 'STOPPED' && !this.everStarted) {
        if (spec.autostart) yield* this.spawn(now);
      } else if (state === 'BACKOFF') {
        if (this.backoff <= spec.startretries && now > this.delay) yield* this.spawn(now);
      }
    }
    // The checks below look at the state from before any spawn above, as supervisord does.
    if (state === 'STARTING' && now - this.laststart > spec.startsecs) {
      this.delay = 0;
      this.backoff = 0;
      this.changeState('RUNNING', now);
      yield log('INFO', `success: ${spec.name} entered RUNNING state, process has stayed up `
        + `for > than ${spec.startsecs} seconds (startsecs)`);
    }
    if (state === 'BACKOFF') {
      if (this.backoff > spec.startretries) {
        this.giveUp();
        yield log('INFO',
          `gave up: ${spec.name} entered FATAL state, too many start retries too quickly`);
      }
    } else if (state === 'STOPPING' && this.delay - now <= 0) {
      yield log('WARN', `killing '${spec.name}' (${this.pid}) with SIGKILL`);
      yield* this.kill(SIGKILL, now);
    }
  }

  giveUp(): void {
    this.delay = 0;
    this.backoff = 0;
    this.systemStop = true;
    this.assertIn('BACKOFF');
    this.state = 'FATAL';
  }

  /** Administrative stop (RPC or shutdown). Returns an error text, or null. */
  *stop(now: number): Step<string | null> {
    this.administrativeStop = true;
    return yield* this.kill(this.spec.stopsignal, now);
  }

  *kill(sig: SignalSpec, now: number): Step<string | null> {
    const name = this.spec.name;
    if (this.state === 'BACKOFF') {
      yield log('DEBG', `Attempted to kill ${name}, which is in BACKOFF state.`);
      this.changeState('STOPPED', now);
      return null;
    }
    if (!this.pid) {
      const msg = `attempted to kill ${name} with sig ${signame(sig.number)} but it wasn't running`;
      yield log('DEBG', msg);
      return msg;
    }
    // Already STOPPING means this is the final SIGKILL.
    const asGroup = this.state === 'STOPPING' ? this.spec.killasgroup : this.spec.stopasgroup;
    yield log('DEBG', `killing ${name} (pid ${this.pid}) ${asGroup ? 'process group ' : ''}`
      + `with signal ${signame(sig.number)}`);
    this.killing = true;
    this.delay = now + this.spec.stopwaitsecs;
    this.assertIn('RUNNING', 'STARTING', 'STOPPING');
    this.changeState('STOPPING', now);
    yield {
      type: 'signal', key: this.key, pid: this.pid, target: asGroup ? -this.pid : this.pid,
      signal: sig, group: asGroup,
    };
    return null;
  }

  /** The host could not deliver a signal this machine asked for. */
  *signalFailed(error: { code?: string; detail?: string }): Step {
    const name = this.spec.name;
    if (error.code === 'ESRCH') {
      // The exit will arrive through the normal reap.
      yield log('DEBG', `unable to signal ${name} (pid ${this.pid}), it probably just exited `
        + 'on its own: [Errno 3] No such process');
      return;
    }
    yield log('CRIT', `unknown problem killing ${name} (${this.pid}):${error.detail ?? error.code ?? ''}`);
    this.state = 'UNKNOWN';
    this.killing = false;
    this.delay = 0;
  }

  /** Subprocess.finish: the child was reaped. */
  *finish(exit: ExitStatus, now: number): Step {
    const spec = this.spec;
    const { status, description } = decodeExit(exit);
    this.laststop = now;
    let tooQuickly = false;
    if (now > this.laststart) {
      tooQuickly = now - this.laststart < spec.startsecs;
    } else {
      yield log('WARN', `process '${spec.name}' (${this.pid}) laststart time is in the future, `
        + "don't know how long process was running so assuming it did not exit too quickly");
    }
    const expected = spec.exitcodes.includes(status);
    let outcome: LastExit['outcome'];
    if (this.killing) {
      outcome = 'stopped';
      this.killing = false;
      this.delay = 0;
      this.exitstatus = status;
      this.changeState('STOPPED', now);
      yield log(expected ? 'INFO' : 'WARN', `stopped: ${spec.name} (${description})`);
    } else if (tooQuickly) {
      outcome = 'backoff';
      this.quickExits += 1;
      this.exitstatus = null;
      this.spawnerr = 'Exited too quickly (process log may have details)';
      this.changeState('BACKOFF', now);
      yield log('WARN', `exited: ${spec.name} (${description}; not expected)`);
    } else {
      outcome = 'exited';
      this.delay = 0;
      this.backoff = 0;
      this.exitstatus = status;
      if (this.state === 'STARTING') this.changeState('RUNNING', now);
      this.changeState('EXITED', now);
      if (expected) {
        yield log('INFO', `exited: ${spec.name} (${description}; expected)`);
      } else {
        this.unexpectedExits += 1;
        this.spawnerr = `Bad exit code ${status}`;
        yield log('WARN', `exited: ${spec.name} (${description}; not expected)`);
      }
    }
    this.lastExit = { status, description, expected, outcome, at: now };
    this.pid = 0;
  }

  summary(): ProcessSummary {
    return {
      key: this.key,
      group: this.spec.group,
      name: this.spec.name,
      state: this.state,
      pid: this.pid,
      starts: this.starts,
      spawnErrors: this.spawnErrors,
      unexpectedExits: this.unexpectedExits,
      quickExits: this.quickExits,
      lastExit: this.lastExit,
      spawnerr: this.spawnerr,
      failed: this.state === 'FATAL' || this.state === 'UNKNOWN' || this.unexpectedExits > 0,
    };
  }
}
