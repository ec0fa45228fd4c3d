// Runs lintFiles over many configs in worker threads with a time bound per config: a config
// that takes longer is reported as hung (its worker is terminated and replaced), so a linter
// bug that loops forever fails the suite with the config's name instead of stalling it.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { Diagnostic } from '../../../src/core/diagnostic.js';
import type { LintedFile } from '../../../src/lint/types.js';

export interface LintJob {
  id: number;
  files: string[];
  cwd: string;
  env: Record<string, string>;
  host: boolean;
  /** Overrides PoolOptions.timeoutMs for this job. */
  timeoutMs?: number;
}

export interface LintOutcome {
  id: number;
  /** Time lintFiles + formatJson took (or until the worker was stopped). */
  ms: number;
  diagnostics?: Diagnostic[];
  files?: LintedFile[];
  /** formatJson's output. */
  json?: string;
  exitCode?: number;
  /** lintFiles threw: the error's name, message and stack. */
  thrown?: string;
  /** Still running after the time bound. */
  hung?: boolean;
}

export interface PoolOptions {
  /** Per-config bound; the worker is stopped after it. */
  timeoutMs: number;
  workers?: number;
}

const WORKER_URL = new URL('./lint-worker.js', import.meta.url);

/** Lints every job; outcomes come back in job order. */
export async function lintInWorkers(jobs: readonly Omit<LintJob, 'id'>[], opts: PoolOptions): Promise<LintOutcome[]> {
  const outcomes: LintOutcome[] = new Array(jobs.length);
  let next = 0;
  const count = Math.max(1, Math.min(opts.workers ?? availableParallelism(), jobs.length));

  const runLane = () =>
    new Promise<void>((done, fail) => {
      let worker: Worker;
      let current = -1;
      let timer: NodeJS.Timeout | undefined;
      let started = 0;

      const dispatch = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => done());
          return;
        }
        current = next++;
        started = performance.now();
        timer = setTimeout(onTimeout, jobs[current]!.timeoutMs ?? opts.timeoutMs);
        worker.postMessage({ ...jobs[current]!, id: current });
      };

      const onTimeout = () => {
        outcomes[current] = { id: current, ms: performance.now() - started, hung: true };
        worker.removeAllListeners();
        void worker.terminate();
        spawnWorker();
      };

      const spawnWorker = () => {
        worker = new Worker(WORKER_URL);
        worker.on('message', (m: LintOutcome | { ready: true }) => {
          if ('ready' in m) return dispatch();
          clearTimeout(timer);
          outcomes[m.id] = m;
          dispatch();
        });
        worker.on('error', (e) => {
          clearTimeout(timer);
          if (current >= 0 && outcomes[current] === undefined) {
            outcomes[current] = { id: current, ms: performance.now() - started, thrown: `worker died: ${e.stack ?? e.message}` };
            worker.removeAllListeners();
            spawnWorker();
          } else fail(e);
        });
      };
      spawnWorker();
    });

  await Promise.all(Array.from({ length: count }, runLane));
  return outcomes;
}
