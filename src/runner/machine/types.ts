// Plain data consumed and produced by the pure runner state machine (supervisord 4.2.5 semantics).

export type ProcessState =
  | 'STOPPED'
  | 'STARTING'
  | 'RUNNING'
  | 'BACKOFF'
  | 'STOPPING'
  | 'EXITED'
  | 'FATAL'
  | 'UNKNOWN';

/** supervisord's numeric state codes (states.py), e.g. for `status`-like output. */
export const PROCESS_STATE_CODES: Readonly<Record<ProcessState, number>> = {
  STOPPED: 0,
  STARTING: 10,
  RUNNING: 20,
  BACKOFF: 30,
  STOPPING: 40,
  EXITED: 100,
  FATAL: 200,
  UNKNOWN: 1000,
};

export const STOPPED_STATES: readonly ProcessState[] = ['STOPPED', 'EXITED', 'FATAL', 'UNKNOWN'];
export const RUNNING_STATES: readonly ProcessState[] = ['STARTING', 'RUNNING', 'BACKOFF'];
export const SIGNALLABLE_STATES: readonly ProcessState[] = ['RUNNING', 'STARTING', 'STOPPING'];

/** Same shape as the signal codec's value: name without `SIG` (`TERM`), Linux number. */
export interface SignalSpec {
  name: string;
  number: number;
}

/** One process as the machine sees it; the resolved config is mapped onto this. */
export interface ProcessSpec {
  /** Bare process name (after process_name expansion); used in every log line. */
  name: string;
  /** Name of the group holding the process. */
  group: string;
  priority: number;
  autostart: boolean;
  startsecs: number;
  startretries: number;
  autorestart: boolean | 'unexpected';
  exitcodes: number[];
  stopsignal: SignalSpec;
  stopwaitsecs: number;
  stopasgroup: boolean;
  killasgroup: boolean;
}

/** Section kind a group came from; breaks (priority, name) ties like supervisord's parser. */
export type GroupKind = 'group' | 'program' | 'eventlistener' | 'fcgi-program';

export interface GroupSpec {
  name: string;
  priority: number;
  kind: GroupKind;
  /**
   * In supervisord's process_configs order: for a [program:x] section, ascending
   * (priority, name) with lexical names (see sortProcessesLikeSupervisord); for a [group:x],
   * the programs= list order, each program's processes sorted as above.
   */
  processes: ProcessSpec[];
}

export type LogLevel = 'CRIT' | 'ERRO' | 'WARN' | 'INFO' | 'DEBG' | 'TRAC' | 'BLAT';

/** How a child ended. `signal` may be a number or a name (`'SIGTERM'`, as node reports it). */
export type ExitStatus = { code: number } | { signal: number | string; coreDumped?: boolean };

export interface SpawnAction {
  type: 'spawn';
  /** `group:name`; pass it back to spawned()/spawnError(). */
  key: string;
  process: ProcessSpec;
}

export interface SignalAction {
  type: 'signal';
  key: string;
  /** The child's pid (always positive). */
  pid: number;
  /** What to pass to kill(2): `-pid` when `group` is true, else `pid`. */
  target: number;
  signal: SignalSpec;
  /** True when the whole process group is signalled (stopasgroup / killasgroup). */
  group: boolean;
}

export interface LogAction {
  type: 'log';
  level: LogLevel;
  message: string;
}

/** SIGUSR2 was handled: the host reopens its log files. */
export interface ReopenLogsAction {
  type: 'reopenLogs';
}

/** Shutdown finished: nothing is left running. `restart` after SIGHUP. */
export interface DoneAction {
  type: 'done';
  restart: boolean;
}

export type Action = SpawnAction | SignalAction | LogAction | ReopenLogsAction | DoneAction;

export interface LastExit {
  /** supervisord's exit status: the code, or -1 for a death by signal. */
  status: number;
  /** `exit status 1`, `terminated by SIGKILL`, `terminated by SIGSEGV (core dumped)`. */
  description: string;
  /** True if the status is in exitcodes. */
  expected: boolean;
  /** Which transition the exit caused. */
  outcome: 'stopped' | 'backoff' | 'exited';
  at: number;
}

/** Per-process run summary (for `run --for`). */
export interface ProcessSummary {
  key: string;
  group: string;
  name: string;
  state: ProcessState;
  pid: number;
  /** Forks that produced a pid. */
  starts: number;
  /** Pre-fork spawn failures (spawnerr lines). */
  spawnErrors: number;
  /** Exits from RUNNING whose status was not in exitcodes. */
  unexpectedExits: number;
  /** Exits before startsecs (each one put the process in BACKOFF). */
  quickExits: number;
  lastExit: LastExit | null;
  /** Last spawnerr text, `Exited too quickly (...)` or `Bad exit code N`, as supervisord keeps it. */
  spawnerr: string | null;
  /** FATAL or UNKNOWN at the end, or any unexpected exit from RUNNING. */
  failed: boolean;
}
