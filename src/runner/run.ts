// `gen-supervisor run FILE`: supervise.ts runs each configuration (a SIGHUP reloads the file and
// starts the next); every exit path ends with a SIGKILL sweep of every process group this run
// started (sweep.ts).
import { drainPipePool } from './host/anon-pipes.js';
import { loadRunSource } from './load.js';
import type { ProcessSummary } from './machine/index.js';
import type { RunOptions, RunResult } from './run-options.js';
import type { RunnerSignal } from './signals.js';
import { anyFailed, formatSummary } from './summary.js';
import { supervise } from './supervise.js';
import { sweepLeftovers } from './sweep.js';
import { monotonicClock, Waker } from './waker.js';

export type { RunOptions, RunResult } from './run-options.js';
export { processSignals, type RunnerSignal, type SignalSource } from './signals.js';
export { monotonicClock } from './waker.js';

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
    const notice = sweepLeftovers(spawnedGroups);
    if (notice) opts.stderr(notice);
  }
  const summary = finalSummary.rows;
  if (opts.forSeconds !== undefined) opts.stdout('\n' + formatSummary(summary));
  return { exitCode: opts.forSeconds !== undefined && anyFailed(summary) ? 1 : 0, summary };
}
