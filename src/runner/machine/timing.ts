// How a host reproduces supervisord's main-loop timing with this machine.
//
// supervisord's loop is: [shutdown step] poll(timeout 1.0 s) -> I/O -> transition every group
// -> reap dead children -> handle one pending signal -> [shutdown step]. SupervisorMachine.tick()
// is everything after the poll (the leading shutdown step of the next iteration runs at the end
// of tick(), which is the same instant). The host therefore:
//   1. starts the clock (seconds, float, sub-millisecond, monotonic and > 0, e.g.
//      performance.timeOrigin / 1000 + performance.now() / 1000), logs `supervisord started`,
//      and does NOT tick at once: the first tick follows a full wait, so the first autostart
//      spawns come ~1.0 s after start, as in supervisord;
//   2. waits until nextTickDue(machine, waitStartedAt) (waitStartedAt = clock after it finished
//      performing the previous tick's actions), or earlier if a child writes output or exits
//      (report the exit with machine.exited(pid, status, now) first: the wake is immediate);
//   3. calls tick(clock()) and performs the actions in order (performActions does this for a
//      synchronous port); a `spawn` action is always the last of a batch: answer it with
//      spawned()/spawnError() and perform the returned actions likewise;
//   4. repeats until a `done` action.
// SIGTERM/SIGINT/SIGHUP/SIGUSR2 are given to signalReceived() (or shutdownRequested()) and do
// not wake the loop: Python retries the poll after a signal (PEP 475), so supervisord handles
// them at the end of the current iteration, up to 1 s later. A host may wake early; the only
// difference is that the shutdown starts sooner. After startProcess()/stopProcess() (an RPC,
// which wakes supervisord's poll) the host ticks at once.
import type { SupervisorMachine } from './supervisor.js';

/** supervisord's poll timeout, in seconds. */
export const POLL_TIMEOUT = 1.0;

/** When the next tick is due, given when the host's wait began. */
export function nextTickDue(machine: Pick<SupervisorMachine, 'hasPendingExits'>, waitStartedAt: number): number {
  return machine.hasPendingExits ? waitStartedAt : waitStartedAt + POLL_TIMEOUT;
}
