/**
 * A supervisord configuration as supervisord 4.2.5 resolves it (ServerOptions.process_config),
 * with the source position of everything, so that the linter can point at causes and the runner
 * can run exactly what supervisord would.
 */
import type { Diagnostic, SourcePos } from '../core/diagnostic.js';
import type { SectionKind } from '../catalogue/types.js';
import type { HostProbe } from './host.js';

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
  /** supervisord's config class: an [fcgi-program:x] taken into a [group:y] is a plain 'program'. */
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
  /**
   * Set when a later process of the same group has the same name: supervisord keeps one process
   * per name (the later definition, at the first one's place), so this one never runs.
   */
  shadowed?: boolean;
}

export interface ResolvedGroup {
  name: string;
  kind: 'group' | 'program' | 'eventlistener' | 'fcgi-program';
  priority: number;
  sectionName: string;
  /** Each section's processes sorted by (priority, name); a [group:x] concatenates its members'. */
  processes: ResolvedProcess[];
  /** eventlistener pools */
  events?: string[];
  bufferSize?: number;
  resultHandler?: string;
  /** fcgi-program (not when it is a member of a [group:x]) */
  socket?:
    | {
        kind: 'unix';
        path: string;
        owner: string | null;
        mode: number;
        backlog: number | null;
        /** (uid, gid) supervisord chowns the socket to; -1 keeps; null: no chown. Host only. */
        ownerIds: [number, number] | null;
      }
    | { kind: 'tcp'; host: string; port: number; backlog: number | null };
  at: SourcePos;
  /**
   * Set when an earlier group in this order has the same name: supervisord adds groups one by
   * one and silently skips a name it already has, so this group never runs.
   */
  shadowed?: boolean;
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
  /** `user=` resolved to a uid (host checks only). */
  uid: number | null;
  /**
   * SUPERVISOR_SERVER_URL given to children without their own serverurl: `unix://FILE` of the
   * first unix server, else `http://HOST:PORT` of the last inet server, else null.
   */
  serverurl: string | null;
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
  /** The machine consulted when `host` is true (tests inject one); default: this machine. */
  probe?: HostProbe;
  /** The Python that runs supervisord, asked whether a `module:attr` imports (host only). */
  python?: string;
}

/** What resolveConfig needs besides the merged INI (loadConfig fills it in). */
export interface ResolveMeta {
  /** The main file as given to `-c` (messages quote it so); default: the first document's file. */
  mainFile?: string;
  /** Every file read, main first (default: the merged documents' files). */
  files?: string[];
  /** WARN lines logged while reading (`No file matches via include ...`), before the rest. */
  parseWarnings?: string[];
  /** INFO lines logged while reading (`Included extra file ... during parsing`). */
  parseInfos?: string[];
}

export interface ResolveResult {
  /** null only when the files could not be read or parsed at all */
  config: ResolvedConfig | null;
  /** every refusal supervisord would make (severity error), each at its cause */
  diagnostics: Diagnostic[];
}

export type { SectionKind };
