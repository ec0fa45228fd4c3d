// supervisord's main logger (options.make_logger + loggers.py): records formatted as
// `%(asctime)s %(levelname)s %(message)s\n`, asctime in local time with comma milliseconds,
// written to the console sink (nodaemon and not silent: the caller decides) and then to the
// logfile, which rotates like a child log.
import { RotatingFile } from './rotating-file.js';

export type LogLevelName = 'CRIT' | 'ERRO' | 'WARN' | 'INFO' | 'DEBG' | 'TRAC' | 'BLAT';

export const LEVEL_NUMBERS: Readonly<Record<LogLevelName, number>> = {
  CRIT: 50, ERRO: 40, WARN: 30, INFO: 20, DEBG: 10, TRAC: 5, BLAT: 3,
};

const BY_DESCRIPTION: Readonly<Record<string, number>> = {
  critical: 50, error: 40, warn: 30, info: 20, debug: 10, trace: 5, blather: 3,
};

/** The number of a `loglevel=` value as the codec gives it (`info`, `debug`...); info if unknown. */
export const levelNumber = (loglevel: string): number => BY_DESCRIPTION[loglevel.toLowerCase()] ?? 20;

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `2026-11-30 08:57:45,123 INFO message` (no newline), in local time. */
export function formatLogLine(date: Date, level: LogLevelName, message: string): string {
  const stamp = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} `
    + `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())},${pad(date.getMilliseconds(), 3)}`;
  return `${stamp} ${level} ${message}`;
}

export interface MainLogOptions {
  /** `[supervisord] logfile`, resolved; null for none (`logfile=syslog` is not handled here). */
  file: string | null;
  maxbytes: number;
  backups: number;
  /** `[supervisord] loglevel` (`info`, `debug`, ...): lower levels are dropped. */
  loglevel: string;
  /** Receives each record, newline included; give it when nodaemon and not silent. */
  console?: (text: string) => void;
  /** Default: new Date(). */
  now?: () => Date;
  /** A failed file write (supervisord prints the traceback and carries on). */
  onError?: (error: unknown) => void;
}

export class MainLog {
  private readonly file: RotatingFile | null;
  private readonly threshold: number;
  private readonly options: MainLogOptions;

  /** Opens the logfile (append); throws its open error, as supervisord fails to start then. */
  constructor(options: MainLogOptions) {
    this.options = options;
    this.threshold = levelNumber(options.loglevel);
    this.file = options.file === null
      ? null
      : new RotatingFile(options.file, { maxbytes: options.maxbytes, backups: options.backups });
  }

  /** Whether a record at `level` would be written (e.g. to skip building DEBG copies). */
  enabled(level: LogLevelName): boolean {
    return LEVEL_NUMBERS[level] >= this.threshold;
  }

  log(level: LogLevelName, message: string): void {
    if (!this.enabled(level)) return;
    const text = formatLogLine((this.options.now ?? (() => new Date()))(), level, message) + '\n';
    this.options.console?.(text);
    if (this.file) {
      try {
        this.file.write(text);
      } catch (e) {
        this.options.onError?.(e);
      }
    }
  }

  /** SIGUSR2 (`supervisord logreopen` is logged by the caller first). */
  reopen(): void {
    this.file?.reopen();
  }

  close(): void {
    this.file?.close();
  }
}
