/**
 * A supervisord configuration as supervisord 4.2.5 resolves it (ServerOptions.process_config),
 * with the source position of everything, so that the linter can point at causes and the runner
 * can run exactly what supervisord would.
 */
import type { Diagnostic, SourcePos } from '../core/diagnostic.js';
import type { SectionKind } from '../catalogue/types.js';

export interface SignalValue {
  name: string; // e.g. TERM
  number: number;
}

export interface LogSpec {
  /** 'AUTO', null for none (NONE/OFF/empty/syslog), or a path as written after expansion. */
  file: 'AUTO' | string | null;
  maxbytes: number;
  backups: number;
  syslog: boolean;
  captureMaxbytes: number;
  eventsEnabled: boolean;
}

export interface ResolvedProcess {
  name: string; // expanded process_name
  group: string;
  programName: string; // the section's name part, stripped
  sectionName: string; // e.g. program:web
  kind: 'program' | 'eventlistener' | 'fcgi-program';
  processNum: number;
  numprocs: number;
  command: string | null; // expanded, not yet split (split happens at spawn, as supervisord does)
  directory: string | null;
  umask: number | null;
  priority: number;
  autostart: boolean;
  autorestart: boolean | 'unexpected';
  startsecs: number;
  startretries: number;
  user: string | null;
  uid: number | null; // resolved only with host checks
  stdout: LogSpec;
  stderr: LogSpec;
  stopsignal: SignalValue;
  stopwaitsecs: number;
  stopasgroup: boolean;
  killasgroup: boolean;
  exitcodes: number[];
  redirectStderr: boolean;
  /** The program's own environment= pairs, in order (later duplicates already won). */
  environment: Record<string, string>;
  serverurl: string | null;
  at: SourcePos; // the section header
}

export interface ResolvedGroup {
  name: string;
  kind: 'group' | 'program' | 'eventlistener' | 'fcgi-program';
  priority: number;
  sectionName: string;
  processes: ResolvedProcess[];
  /** eventlistener pools */
  events?: string[];
  bufferSize?: number;
  resultHandler?: string;
  /** fcgi-program (not when it is a member of a [group:x]) */
  socket?: { kind: 'unix'; path: string; owner: string | null; mode: number } | { kind: 'tcp'; host: string; port: number };
  at: SourcePos;
}

export type ResolvedServer =
  | { kind: 'unix'; section: string; file: string; chmod: number; chown: string | null; username: string | null; password: string | null; at: SourcePos }
  | { kind: 'inet'; section: string; host: string; port: number; username: string | null; password: string | null; at: SourcePos };

export interface ResolvedSupervisord {
  logfile: string;
  logfileMaxbytes: number;
  logfileBackups: number;
  loglevel: string;
  pidfile: string;
  umask: number;
  nodaemon: boolean;
  silent: boolean;
  minfds: number;
  minprocs: number;
  nocleanup: boolean;
  childlogdir: string;
  user: string | null;
  directory: string | null;
  stripAnsi: boolean;
  environment: Record<string, string>;
  identifier: string;
}

export interface ResolvedConfig {
  /** absolute path of the main file */
  mainFile: string;
  /** every file read, main first, then includes in supervisord's order */
  files: string[];
  /** 'full' when [supervisord] exists; 'fragment' for a conf.d piece linted on its own */
  mode: 'full' | 'fragment';
  supervisord: ResolvedSupervisord;
  /** in supervisord's process_group_configs order (sorted by priority, then kind, then name) */
  groups: ResolvedGroup[];
  servers: ResolvedServer[];
  rpcinterfaces: { name: string; factory: string | null; extraKeys: string[]; at: SourcePos }[];
  /** [supervisorctl], as supervisorctl would read it */
  ctl: { serverurl: string | null; username: string | null; password: string | null; at: SourcePos } | null;
  /** the WARN/INFO lines supervisord logs after parsing (same texts) */
  parseWarnings: string[];
  parseInfos: string[];
}

export interface ResolveContext {
  /** the environment ENV_x names come from (the runner: process.env; portable lint: see `host`) */
  env: Record<string, string | undefined>;
  /** platform.node() */
  hostname: string;
  /** supervisord's working directory (relative log paths, relative sockets) */
  cwd: string;
  /**
   * true: check what depends on this machine (users, folders, ENV_ names set), so the verdict
   * equals supervisord's here. false: portable; unknown ENV_ names, users and folders are not
   * errors.
   */
  host: boolean;
  /** allow a file without [supervisord] (conf.d fragment); the mode says which applied */
  allowFragment: boolean;
}

export interface ResolveResult {
  /** null only when the files could not be read or parsed at all */
  config: ResolvedConfig | null;
  /** every refusal supervisord would make (severity error), each at its cause */
  diagnostics: Diagnostic[];
}

export type { SectionKind };
