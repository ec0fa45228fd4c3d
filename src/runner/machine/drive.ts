// Performs a batch of actions against a synchronous host port, feeding spawn results and
// signal failures back into the machine, in supervisord's order.
import type { SupervisorMachine } from './supervisor.js';
import type { Action, LogLevel, SignalAction, SpawnAction } from './types.js';

export interface HostPort {
  /** Current time in seconds (the same clock given to tick()). */
  now(): number;
  /** Pre-fork checks and fork; an error is supervisord's spawnerr text. */
  spawn(action: SpawnAction): { pid: number } | { error: string };
  /** kill(action.target, action.signal.number); null when delivered, else the errno. */
  signal(action: SignalAction): null | { code?: string; detail?: string };
  log(level: LogLevel, message: string): void;
  reopenLogs?(): void;
}

/** Performs `actions`; returns true if the machine reported `done`. */
export function performActions(machine: SupervisorMachine, actions: Action[], port: HostPort): boolean {
  let done = false;
  const queue = [...actions];
  while (queue.length > 0) {
    const a = queue.shift() as Action;
    switch (a.type) {
      case 'log':
        port.log(a.level, a.message);
        break;
      case 'spawn': {
        const r = port.spawn(a);
        const more = 'pid' in r
          ? machine.spawned(a.key, r.pid, port.now())
          : machine.spawnError(a.key, r.error, port.now());
        queue.unshift(...more);
        break;
      }
      case 'signal': {
        const err = port.signal(a);
        if (err) queue.unshift(...machine.signalFailed(a.key, err, port.now()));
        break;
      }
      case 'reopenLogs':
        port.reopenLogs?.();
        break;
      case 'done':
        done = true;
        break;
    }
  }
  return done;
}
