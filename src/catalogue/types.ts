/**
 * The shapes of the option catalogue: every section type and option of supervisord 4.2.5.
 * The catalogue is the single source of truth for the generator, linter, runner, schema and docs.
 */

/** A supervisord value type; each has one codec in src/codecs (see codecs/index.ts). */
export type ValueType =
  | 'boolean'      // true/yes/on/1, false/no/off/0
  | 'integer'      // Python int()
  | 'bytesize'     // 50MB, 1024, 10KB
  | 'octal'        // 022, 0o22
  | 'signal'       // TERM, SIGKILL, 9
  | 'exitcodes'    // 0,2
  | 'autorestart'  // true/false/unexpected
  | 'loglevel'     // critical error warn info debug trace blather
  | 'logfile'      // NONE/OFF/AUTO/SYSLOG or a path whose folder must exist
  | 'dirpath'      // [supervisord] logfile/pidfile: a path whose folder must exist, no words
  | 'existingdir'  // a directory that must exist
  | 'string'       // any text
  | 'path'         // text used as a path, not checked at parse time
  | 'user'         // a user name or uid that must exist
  | 'usergroup'    // user[:group]
  | 'name'         // a process/program/group name: no space, ':' or '/'
  | 'stringlist'   // comma separated, items stripped
  | 'events'       // comma separated event type names
  | 'inetaddr'     // PORT, HOST:PORT, *:PORT
  | 'environment'  // KEY="value",KEY2="value"
  | 'command'      // shlex-split at spawn time
  | 'fcgisocket'   // unix:///abs or tcp://host:port
  | 'entrypoint'   // module:attr
  | 'url'          // unix:///path or http://host:port
  | 'globlist';    // whitespace separated glob patterns ([include] files)

/** Names a `%(...)` expansion may use. 'ENV' stands for every ENV_X. */
export type ExpansionName =
  | 'here'
  | 'ENV'
  | 'program_name'
  | 'group_name'
  | 'host_node_name'
  | 'process_num'
  | 'numprocs';

export interface OptionSpec {
  key: string;
  type: ValueType;
  /** supervisord's default, as supervisord text; null when there is none (unset). */
  default: string | null;
  /** required by supervisord (an error when missing). */
  required: boolean;
  /**
   * `%` expansion: the names available and how many times supervisord expands the value
   * (0 = never read or never expanded, 1 = once, 2 = twice: write a literal % as %%%%).
   */
  expansion: { names: readonly ExpansionName[]; passes: 0 | 1 | 2 };
  /** false when supervisord itself never reads the key (only supervisorctl does). */
  readBySupervisord: boolean;
  /** A one-line doc. */
  doc: string;
  /** For integers with bounds supervisord enforces (buffer_size >= 1, socket_backlog 1..65535). */
  min?: number;
  max?: number;
}

export type SectionKind =
  | 'supervisord'
  | 'unix_http_server'
  | 'inet_http_server'
  | 'supervisorctl'
  | 'rpcinterface'
  | 'ctlplugin'
  | 'include'
  | 'group'
  | 'program'
  | 'eventlistener'
  | 'fcgi-program';

export interface SectionSpec {
  kind: SectionKind;
  /** `supervisord`, or the prefix with its colon (`program:`), as supervisord matches it. */
  header: string;
  /** 'exact' name, or 'prefix' (startswith, as supervisord does). */
  match: 'exact' | 'prefix';
  /** true when the section carries a name after the colon (program:NAME). */
  named: boolean;
  /** Extra keys are not ignored but handed on (rpcinterface factory kwargs, ctlplugin). */
  extraKeys: 'ignored' | 'passed-on';
  /** Whether supervisord reads it at all (supervisorctl, ctlplugin: supervisorctl only). */
  readBySupervisord: boolean;
  doc: string;
  options: readonly OptionSpec[];
}
