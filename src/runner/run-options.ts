// What `runFile` (run.ts) takes and returns.
import type { ProcessSummary } from './machine/index.js';
import type { RunSourceOptions } from './load.js';
import type { SignalSource } from './signals.js';

export interface RunOptions extends RunSourceOptions {
  /** `--for`: stop everything after this many seconds (as on SIGTERM), print the summary. */
  forSeconds?: number;
  /** Colour the console prefixes of child output. */
  color: boolean;
  /** The console: main log lines (unless `silent`), child output, the summary. */
  stdout: (text: string) => void;
  /** The runner's own notices (not supervisord's: e.g. leftover processes it killed). */
  stderr: (text: string) => void;
  signals: SignalSource;
  /** Default monotonicClock. */
  clock?: () => number;
  /** For tests: the wall clock of main-log timestamps. */
  wallClock?: () => Date;
}

export interface RunResult {
  /** 0, or 1 with `forSeconds` when a process ended FATAL/UNKNOWN or exited unexpectedly. */
  exitCode: number;
  /** Per process, at the end (of the last configuration, after a SIGHUP restart). */
  summary: ProcessSummary[];
}
