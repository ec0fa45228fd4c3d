// Where `run` writes: the main log (file and console), the AUTO child log files, and each
// child's output (its log files, the DEBG copy in the main log, the console).
import { UserError } from '../core/errors.js';
import type { ResolvedProcess, ResolvedSupervisord } from '../config/types.js';
import { childLogPaths, ConsoleOutput, MainLog, outputRecorder, type Channel, type ChildLogs } from './host/index.js';
import type { MappedConfig } from './to-machine.js';
import type { RunOptions } from './run-options.js';
import { displayName } from './summary.js';

type Streams = Pick<RunOptions, 'stdout' | 'stderr' | 'wallClock'>;

/** errno's name of a failure to open a file, for the runner's refusals. */
const why = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/** `[supervisord] logfile=`, also shown on the console unless `silent`; a UserError if it cannot be opened. */
export function openMainLog(sv: ResolvedSupervisord, opts: Streams): MainLog {
  const logfile = sv.logfile === 'syslog' ? null : sv.logfile;
  let mainLog: MainLog;
  try {
    mainLog = new MainLog({
      file: logfile,
      maxbytes: sv.logfileMaxbytes,
      backups: sv.logfileBackups,
      loglevel: sv.loglevel,
      ...(sv.silent ? {} : { console: opts.stdout }),
      ...(opts.wallClock ? { now: opts.wallClock } : {}),
      onError: (e) => opts.stderr(`run: cannot write the main log ${logfile}: ${(e as Error).message}\n`),
    });
  } catch (e) {
    throw new UserError(`cannot open the main log file ${logfile}: ${why(e)}`);
  }
  if (logfile === null) opts.stderr('run: logfile=syslog: the main log is shown on the console only (no syslog)\n');
  return mainLog;
}

/** Child output on the console, prefixed with the process's name; null when `silent`. */
export function openConsole(sv: ResolvedSupervisord, mapped: MappedConfig, opts: Pick<RunOptions, 'stdout' | 'color'>): ConsoleOutput | null {
  if (sv.silent) return null;
  return new ConsoleOutput({ write: opts.stdout, color: opts.color, names: mapped.processes.map((m) => displayName(m.spec)) });
}

export type LogPaths = Map<string, { stdout: string | null; stderr: string | null }>;

/**
 * Each process's log files by key. AUTO child logs are made now, once per run, as supervisord
 * makes them when the group is created (never cleaned up here: supervisord's startup cleanup
 * could delete a real supervisord's logs in the same folder).
 */
export function childLogFiles(sv: ResolvedSupervisord, mapped: MappedConfig, cwd: string): LogPaths {
  const paths: LogPaths = new Map();
  for (const m of mapped.processes) {
    try {
      paths.set(m.key, childLogPaths(m.config, { childlogdir: sv.childlogdir, identifier: sv.identifier, cwd }));
    } catch (e) {
      throw new UserError(`cannot create the AUTO log of ${m.config.name} in ${sv.childlogdir}: ${why(e)}`);
    }
  }
  return paths;
}

export interface OutputSinkOptions {
  stripAnsi: boolean;
  /** The main log's DEBG copy of the output, when it logs at that level. */
  debug: ((message: string) => void) | undefined;
  consoleOut: ConsoleOutput | null;
  stderr: (text: string) => void;
}

/** Where each chunk of `proc`'s stdout and stderr goes. */
export function childOutputSinks(proc: ResolvedProcess, logs: ChildLogs, o: OutputSinkOptions): Record<Channel, (chunk: Buffer) => void> {
  const shown = displayName(proc);
  const onError = (e: unknown) => o.stderr(`run: cannot write the log of ${proc.name}: ${(e as Error).message}\n`);
  const sink = (channel: Channel) => {
    const record = outputRecorder({
      processName: proc.name, channel, file: logs[channel], stripAnsi: o.stripAnsi, ...(o.debug ? { debug: o.debug } : {}), onError,
    });
    return (chunk: Buffer) => {
      record(chunk);
      o.consoleOut?.write(shown, chunk);
    };
  };
  return { stdout: sink('stdout'), stderr: sink('stderr') };
}
