// The runner's clock and its interruptible wait: the loop sleeps until the machine's next tick
// unless a child's output or exit (or a signal) wakes it first.
import { performance } from 'node:perf_hooks';

/** Seconds, monotonic, sub-millisecond, > 0 (what the machine's timing needs). */
export const monotonicClock = (): number => performance.timeOrigin / 1000 + performance.now() / 1000;

/** Resolves early when woken; a wake while nobody waits makes the next wait return at once. */
export class Waker {
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
