// The signals `run` reacts to: where they come from, and what an exit request does.
import type { SupervisorMachine } from './machine/index.js';

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

/**
 * The handler of one configuration's run: the signal goes to the machine, which acts on it at
 * the end of its current iteration as supervisord does; but a second exit request, or one
 * during the shutdown, calls `killNow` (not supervisord: everything is killed at once).
 */
export function signalHandler(machine: SupervisorMachine, killNow: () => void): (signal: RunnerSignal) => void {
  let exitRequests = 0;
  return (signal) => {
    if (machine.done) return;
    if (signal === 'SIGINT' || signal === 'SIGTERM' || signal === 'SIGQUIT') {
      exitRequests += 1;
      if (exitRequests >= 2 || machine.mood === 'SHUTDOWN') {
        killNow();
        return;
      }
    }
    machine.signalReceived(signal);
  };
}
